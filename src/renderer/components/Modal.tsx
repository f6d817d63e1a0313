import { useEffect, useId, useRef, type ReactNode } from 'react'

interface ModalProps {
  title: string
  onClose(): void
  children: ReactNode
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

/** Tab and Shift+Tab go round the dialog's controls instead of leaving for the page behind it. */
function trapTab(dialog: HTMLElement, e: { shiftKey: boolean; preventDefault(): void }): void {
  const controls = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement)
  const first = controls[0]
  const last = controls[controls.length - 1]
  if (!first || !last) return
  const at = document.activeElement
  if (e.shiftKey && (at === first || at === dialog)) {
    e.preventDefault()
    last.focus()
  } else if (!e.shiftKey && at === last) {
    e.preventDefault()
    first.focus()
  }
}

/** A modal dialog: focus moves into it, Escape closes it, focus returns where it was. */
export function Modal({ title, onClose, children }: ModalProps) {
  const titleId = useId()
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    // The first control, or the dialog itself while its content is still loading (Escape must reach it).
    const first = ref.current?.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? ref.current)?.focus()
    return () => previous?.focus?.()
  }, [])

  // Focus never falls out of the dialog: when the focused control goes away or is disabled (Import
  // and Export disable their buttons while they work), the dialog takes focus, so Tab and Escape
  // still reach it. Checked after every render and whenever focus leaves a control inside.
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const keep = (): void => {
      const at = document.activeElement
      if (!at || at === document.body || !document.contains(at)) dialog.focus()
    }
    keep()
    const frame = requestAnimationFrame(keep)
    return () => cancelAnimationFrame(frame)
  })

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={ref}
        tabIndex={-1}
        onBlur={() => requestAnimationFrame(() => {
          const at = document.activeElement
          if (ref.current && (!at || at === document.body)) ref.current.focus()
        })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          } else if (e.key === 'Tab') trapTab(e.currentTarget, e)
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  )
}
