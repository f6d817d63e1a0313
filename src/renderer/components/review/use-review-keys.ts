import { useEffect, useRef } from 'react'
import { matches, type ShortcutId } from '../../../shared/shortcut-table'

export interface ReviewKeyHandlers {
  next(): void
  previous(): void
  accept(): void
  reject(): void
  edit(): void
  acceptAgreed(): void
}

/** The review keys, as the shortcut table lists them, and what each does. */
const REVIEW_KEYS: readonly (readonly [ShortcutId, (h: ReviewKeyHandlers) => () => void])[] = [
  ['reviewNext', (h) => h.next],
  ['reviewPrevious', (h) => h.previous],
  ['reviewAccept', (h) => h.accept],
  ['reviewReject', (h) => h.reject],
  ['reviewEdit', (h) => h.edit],
  ['reviewAcceptAgreed', (h) => h.acceptAgreed]
]

/** The review keys, active while this review pane is the active pane and nothing is being typed. */
export function useReviewKeys(enabled: boolean, handlers: ReviewKeyHandlers): void {
  const ref = useRef(handlers)
  ref.current = handlers
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target
      if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return
      if (document.querySelector('[role="dialog"]')) return
      const h = ref.current
      // In the focused candidate list the arrow keys move too, as in any list.
      if (t instanceof HTMLElement && t.getAttribute('role') === 'listbox' && matches('listMove', e)) {
        e.preventDefault()
        ;(e.key === 'ArrowDown' ? h.next : h.previous)()
        return
      }
      const action = REVIEW_KEYS.find(([id]) => matches(id, e))?.[1](h)
      if (!action) return
      e.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled])
}
