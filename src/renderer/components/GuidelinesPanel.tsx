import { useEffect, useRef, useState, type CSSProperties } from 'react'
import type { LabelDef } from '../../shared/domain'
import { useT } from '../use-t'

/** The guideline panel: every offered label's guideline in one popover, opened from the label bar; Escape closes it. */
export function GuidelinesPanel({ labels }: { labels: readonly LabelDef[] }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const away = (e: MouseEvent): void => {
      if (!panel.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false)
    }
    const escape = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return
      setOpen(false)
      if (panel.current?.contains(document.activeElement)) button.current?.focus()
    }
    // The panel takes the focus so its text is read next; Escape anywhere closes it.
    panel.current?.focus()
    window.addEventListener('mousedown', away)
    window.addEventListener('keydown', escape)
    return () => {
      window.removeEventListener('mousedown', away)
      window.removeEventListener('keydown', escape)
    }
  }, [open])

  return (
    <div className="guidelines">
      <button
        ref={button}
        type="button"
        className="small-button"
        aria-expanded={open}
        aria-controls="guidelines-panel"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen(!open)}
      >
        {t('labels:guidelines.open')}
      </button>
      {open && (
        <div
          id="guidelines-panel"
          ref={panel}
          className="guidelines-panel"
          role="region"
          aria-label={t('labels:guidelines.title')}
          tabIndex={-1}
        >
          <h3>{t('labels:guidelines.title')}</h3>
          <dl>
            {labels.map((l) => (
              <div key={l.key} style={{ '--label-color': l.color } as CSSProperties}>
                <dt>
                  <span className="swatch" aria-hidden="true" /> {l.name} <code>{l.key}</code> <kbd>{l.hotkey}</kbd>
                </dt>
                <dd>{l.guideline || t('labels:guidelines.none')}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  )
}
