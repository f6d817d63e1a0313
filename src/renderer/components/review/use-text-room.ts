import { useCallback, useRef, useState } from 'react'

/** The review text's font size (.doc-text) and horizontal padding (.doc-scroll), in CSS pixels. */
const TEXT_FONT_PX = 15
const TEXT_PADDING_PX = 36
/** At least this many characters a line (a Hangul syllable is about one em wide). */
export const MIN_CHARS_PER_LINE = 30
/** The side panel: at least this wide, at most this share of the pane (as in review.css). */
const SIDE_MIN_PX = 240
const SIDE_SHARE = 0.32

/**
 * Whether the review pane is too narrow for the text and the side panel side by side with at least
 * 30 characters a line of text; then the side panel goes below the text. Returns a ref callback
 * for the pane's element (it may mount after the data loads) and the answer.
 */
export function useTextRoom(): [(el: HTMLElement | null) => void, boolean] {
  const [narrow, setNarrow] = useState(false)
  const observer = useRef<ResizeObserver | null>(null)
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect()
    observer.current = null
    if (!el) return
    const check = (): void => {
      const width = el.getBoundingClientRect().width
      const text = width - Math.max(SIDE_MIN_PX, SIDE_SHARE * width) - TEXT_PADDING_PX
      setNarrow(text < MIN_CHARS_PER_LINE * TEXT_FONT_PX)
    }
    observer.current = new ResizeObserver(check)
    observer.current.observe(el)
    check()
  }, [])
  return [ref, narrow]
}
