import { useEffect } from 'react'
import type { LoadedDoc } from '../state/doc-state'
import { blockAt } from './blocks'
import { offsetToPoint } from './dom-selection'

/**
 * A request to show [start, end) (code points) of a document: the active pane
 * showing it scrolls there, selects that text (a DOM selection, so a label key
 * labels it at once) and takes the focus. Each request has a new nonce.
 */
export interface Reveal {
  docId: string
  start: number
  end: number
  nonce: number
}

/** The nonce of the last request carried out: each is carried out once, by one pane, even if that pane renders again. */
let done = 0

/** Frames to wait for a windowed list to render the block scrolled to before giving up. */
const MAX_FRAMES = 60

/**
 * Carries out a Reveal in a document's text container. For a windowed document,
 * scrollToBlock brings the block into the rendered window first; the selection
 * is made once that block is in the DOM.
 */
export function useReveal(
  reveal: Reveal | null,
  loaded: LoadedDoc,
  container: () => HTMLElement | null,
  scrollToBlock?: (index: number) => void
): void {
  useEffect(() => {
    if (!reveal || reveal.nonce <= done || reveal.docId !== loaded.doc.id) return
    const { map, blocks } = loaded
    const s16 = map.toUtf16(Math.min(reveal.start, map.cpLength))
    const e16 = map.toUtf16(Math.min(reveal.end, map.cpLength))
    const block = blocks[blockAt(blocks, s16)]
    if (scrollToBlock && block) scrollToBlock(blockAt(blocks, s16))
    let frames = 0
    let raf = 0
    const attempt = (): void => {
      const el = container()
      const rendered = el && block ? el.querySelector(`[data-offset="${block.start}"]`) !== null : el !== null
      if (!el || !rendered) {
        if (frames++ < MAX_FRAMES) raf = requestAnimationFrame(attempt)
        return
      }
      const a = offsetToPoint(el, s16)
      const b = offsetToPoint(el, e16)
      if (!a || !b) return
      done = reveal.nonce
      el.focus({ preventScroll: true })
      const range = document.createRange()
      range.setStart(a.node, a.offset)
      range.setEnd(b.node, b.offset)
      const sel = window.getSelection()
      sel?.removeAllRanges()
      sel?.addRange(range)
      centre(el, range)
    }
    attempt()
    return () => cancelAnimationFrame(raf)
  }, [reveal, loaded, container, scrollToBlock])
}

/** Scrolls the document's scroll box so the range sits in the middle of it. */
function centre(el: HTMLElement, range: Range): void {
  const box = el.closest<HTMLElement>('.doc-scroll')
  const rect = range.getBoundingClientRect()
  if (!box || (rect.width === 0 && rect.height === 0)) {
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' })
    return
  }
  const outer = box.getBoundingClientRect()
  box.scrollTop += rect.top - outer.top - (outer.height - rect.height) / 2
}
