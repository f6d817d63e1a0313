import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { useT } from '../use-t'

/** A control of the pane header that may move into "More" when the header is too narrow. */
export interface Extra {
  key: string
  node: ReactNode
}

/** The title keeps at least this many of its own font's em, the "More" button about this much room. */
const TITLE_MIN_EM = 10
const MORE_WIDTH = 34

/**
 * Which extras do not fit on the header's one row. Extras fold in the order of `keys` (the first
 * one first) until the rest fit; the widths of folded ones are those measured when they were
 * last shown. Measured again whenever the header or one of its controls changes size.
 */
export function useFolding(header: RefObject<HTMLElement | null>, keys: readonly string[]): ReadonlySet<string> {
  const [count, setCount] = useState(0)
  const widths = useRef(new Map<string, number>())

  useLayoutEffect(() => {
    const el = header.current
    if (!el) return
    const measure = (): void => {
      const style = getComputedStyle(el)
      const gap = parseFloat(style.columnGap) || 0
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      if (room <= 0) return
      let fixed = 0
      let items = 0
      for (const child of [...el.children] as HTMLElement[]) {
        const extra = child.dataset['extra']
        if (extra !== undefined) {
          if (!child.hidden) widths.current.set(extra, child.getBoundingClientRect().width)
          continue
        }
        if (child.classList.contains('pane-more')) continue
        const width = child.classList.contains('pane-title') ? TITLE_MIN_EM * parseFloat(getComputedStyle(child).fontSize) : child.getBoundingClientRect().width
        if (width > 0) {
          fixed += width
          items++
        }
      }
      const widthOf = (key: string): number => widths.current.get(key) ?? 80
      let need = fixed + Math.max(0, items - 1) * gap + keys.reduce((sum, k) => sum + (widthOf(k) > 0 ? widthOf(k) + gap : 0), 0)
      let folded = 0
      if (need > room + 0.5) {
        need += MORE_WIDTH + gap
        while (folded < keys.length && need > room + 0.5) {
          const w = widthOf(keys[folded] as string)
          if (w > 0) need -= w + gap
          folded++
        }
      }
      setCount(folded)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    for (const child of el.children) observer.observe(child)
    return () => observer.disconnect()
  })

  return new Set(keys.slice(0, count))
}

/**
 * "More" at the end of a pane header: a popover with the header's controls that did not fit.
 * Keyboard: the button opens it with focus on its first control, Tab moves inside, Escape closes
 * it and gives focus back to the button; choosing a control closes it too.
 */
export function PaneMore({ docId, extras }: { docId: string; extras: readonly Extra[] }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    panel.current?.querySelector<HTMLElement>('button:not([disabled]), select, input, [tabindex]:not([tabindex="-1"])')?.focus()
    const close = (e: MouseEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    window.addEventListener('mousedown', close)
    return () => window.removeEventListener('mousedown', close)
  }, [open])

  if (extras.length === 0) return null
  return (
    <div className="pane-more" ref={root}>
      <button
        ref={button}
        type="button"
        className="icon-button more-button"
        aria-label={t('screens:pane.more')}
        title={t('screens:pane.moreTitle')}
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open && (
        <div
          ref={panel}
          className="pane-more-panel"
          role="group"
          aria-label={t('screens:pane.moreGroup', { docId })}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return
            e.stopPropagation()
            setOpen(false)
            button.current?.focus()
          }}
          onClick={(e) => {
            if (!(e.target as HTMLElement).closest('button')) return
            setOpen(false)
            button.current?.focus()
          }}
        >
          {extras.map((extra) => (
            <div key={extra.key} className="pane-more-item" data-extra-item={extra.key}>
              {extra.node}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
