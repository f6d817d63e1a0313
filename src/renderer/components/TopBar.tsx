import { useEffect, useRef, useState } from 'react'
import { useApp } from '../state/context'

/** App title, the File menu (Import…, Export…) and the current annotator. */
export function TopBar() {
  const annotator = useApp((s) => s.annotator)
  const setDialog = useApp((s) => s.setDialog)
  const [menuOpen, setMenuOpen] = useState(false)
  const menuRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!menuOpen) return
    const close = (e: MouseEvent): void => {
      if (!menuRef.current?.contains(e.target as Node)) setMenuOpen(false)
    }
    window.addEventListener('mousedown', close)
    return () => window.removeEventListener('mousedown', close)
  }, [menuOpen])

  const choose = (dialog: 'import' | 'export' | 'merge' | 'dataset' | 'restore' | 'meetings'): void => {
    setMenuOpen(false)
    setDialog(dialog)
  }

  return (
    <header className="top-bar">
      <span className="app-name">Spanmark</span>
      {/* Escape closes the menu from the button or from an item (the first item has focus once it opens). */}
      <div
        className="menu"
        ref={menuRef}
        onKeyDown={(e) => {
          if (!menuOpen) return
          if (e.key === 'Escape') {
            setMenuOpen(false)
            menuRef.current?.querySelector<HTMLButtonElement>('.menu-button')?.focus()
          } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            // Arrow keys move between menu items, wrapping around, as in a native menu.
            e.preventDefault()
            const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
            const at = items.indexOf(document.activeElement as HTMLButtonElement)
            const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length
            items[next]?.focus()
          }
        }}
      >
        <button type="button" className="menu-button" aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((o) => !o)}>
          File
        </button>
        {menuOpen && (
          <div role="menu" className="menu-items" aria-label="File">
            <button type="button" role="menuitem" onClick={() => choose('import')} autoFocus>
              Import…
            </button>
            <button type="button" role="menuitem" onClick={() => choose('export')}>
              Export…
            </button>
            <button type="button" role="menuitem" onClick={() => choose('merge')}>
              Merge project…
            </button>
            <button type="button" role="menuitem" onClick={() => choose('meetings')}>
              Export meetings…
            </button>
            <button type="button" role="menuitem" onClick={() => choose('dataset')}>
              Build dataset…
            </button>
            <button type="button" role="menuitem" onClick={() => choose('restore')}>
              Restore from backup…
            </button>
          </div>
        )}
      </div>
      <button type="button" className="menu-button" onClick={() => setDialog('agreement')}>
        Agreement
      </button>
      <button type="button" className="menu-button" onClick={() => setDialog('meetings')}>
        Meetings
      </button>
      <span className="spacer" />
      <span className="annotator">
        Annotator: <strong data-testid="annotator-name">{annotator ?? '(not set)'}</strong>
      </span>
      <button type="button" className="link-button" onClick={() => setDialog('annotator')}>
        Change annotator
      </button>
    </header>
  )
}
