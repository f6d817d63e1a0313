import { useEffect, useRef, useState } from 'react'

export type MenuEntry =
  /** shortcut: for aria-keyshortcuts (keys the page itself handles); hint: the keys shown beside the label. */
  | { kind: 'item'; label: string; onSelect: () => void; title?: string; shortcut?: string; hint?: string }
  | { kind: 'separator' }
  | { kind: 'heading'; label: string }

/**
 * One in-app menu (File, Edit, View, Help): a button that opens a list of items. The first item
 * has focus when it opens, arrow keys move between items (wrapping, as in a native menu), Escape
 * or a click elsewhere closes it, and choosing an item gives focus back to the button (a dialog it
 * opens returns focus there when it closes).
 */
export function MenuButton({ id, label, entries }: { id: string; label: string; entries: readonly MenuEntry[] }) {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  const button = (): HTMLButtonElement | null | undefined => ref.current?.querySelector<HTMLButtonElement>('.menu-button')

  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent): void => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false)
    }
    window.addEventListener('mousedown', close)
    return () => window.removeEventListener('mousedown', close)
  }, [open])

  const firstItem = entries.findIndex((e) => e.kind === 'item')
  return (
    <div
      className="menu"
      data-menu={id}
      ref={ref}
      onKeyDown={(e) => {
        if (!open) return
        if (e.key === 'Escape') {
          setOpen(false)
          button()?.focus()
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault()
          const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
          const at = items.indexOf(document.activeElement as HTMLButtonElement)
          const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length
          items[next]?.focus()
        }
      }}
    >
      <button type="button" className="menu-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      {open && (
        <div role="menu" className="menu-items" aria-label={label}>
          {entries.map((entry, i) =>
            entry.kind === 'separator' ? (
              <hr key={i} role="separator" className="menu-separator" />
            ) : entry.kind === 'heading' ? (
              <span key={i} role="presentation" className="menu-heading">
                {entry.label}
              </span>
            ) : (
              <button
                key={i}
                type="button"
                role="menuitem"
                title={entry.title}
                aria-keyshortcuts={entry.shortcut}
                autoFocus={i === firstItem}
                onClick={() => {
                  setOpen(false)
                  button()?.focus()
                  entry.onSelect()
                }}
              >
                {entry.label}
                {entry.hint && <kbd className="menu-hint">{entry.hint}</kbd>}
              </button>
            )
          )}
        </div>
      )}
    </div>
  )
}
