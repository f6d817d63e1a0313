import { useEffect, useRef } from 'react'

export interface ReviewKeyHandlers {
  next(): void
  previous(): void
  accept(): void
  reject(): void
  edit(): void
  acceptAgreed(): void
}

/** The review keys, active while this review pane is the active pane and nothing is being typed. */
export function useReviewKeys(enabled: boolean, handlers: ReviewKeyHandlers): void {
  const ref = useRef(handlers)
  ref.current = handlers
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target
      if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return
      if (e.ctrlKey || e.metaKey || e.altKey || document.querySelector('[role="dialog"]')) return
      const h = ref.current
      const action = e.key === 'A' ? h.acceptAgreed : { n: h.next, j: h.next, p: h.previous, k: h.previous, a: h.accept, r: h.reject, e: h.edit }[e.key]
      if (!action) return
      e.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled])
}
