import { useState, type CSSProperties } from 'react'
import { useApp, useAppStore } from '../state/context'
import { applyLabel } from '../state/label-actions'
import { openOccurrences } from '../state/occurrences'
import { useT } from '../use-t'
import { GuidelinesPanel } from './GuidelinesPanel'

/**
 * The project's labels with their hotkeys (retired ones are not offered); the guideline of
 * the label under the pointer is shown beside them and in each button's tooltip.
 */
export function LabelBar() {
  const t = useT()
  const store = useAppStore()
  const labels = useApp((s) => s.labels)
  const trimParticles = useApp((s) => s.session?.trimParticles ?? true)
  const snapWords = useApp((s) => s.session?.snapWords ?? true)
  const [hovered, setHovered] = useState<string | null>(null)
  const active = labels.filter((l) => !l.retired)
  const shown = active.find((l) => l.key === hovered)

  return (
    <div className="label-bar">
      <div role="toolbar" aria-label={t('labels:bar.toolbar')} className="label-buttons">
        {active.map((l) => (
          <button
            key={l.key}
            type="button"
            className="label-button"
            style={{ '--label-color': l.color } as CSSProperties}
            aria-keyshortcuts={l.hotkey}
            title={t('labels:bar.buttonTitle', { name: l.name, key: l.key, hotkey: l.hotkey, guideline: l.guideline || t('labels:screen.noGuideline') })}
            // Keep the text selection: a mouse-down on a button would otherwise clear it.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => applyLabel(store, l.key)}
            onMouseEnter={() => setHovered(l.key)}
            onMouseLeave={() => setHovered(null)}
            onFocus={() => setHovered(l.key)}
            onBlur={() => setHovered(null)}
          >
            <kbd>{l.hotkey}</kbd>
            <span className="swatch" aria-hidden="true" />
            {l.name}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="small-button"
        title={t('labels:bar.manageTitle')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => store.getState().setDialog('labels')}
      >
        {t('labels:bar.manage')}
      </button>
      <GuidelinesPanel labels={active} />
      <button
        type="button"
        className="small-button"
        aria-keyshortcuts="Control+Shift+A"
        title={t('labels:bar.allOccurrencesTitle')}
        // Keep the text selection, as the label buttons do.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => openOccurrences(store)}
      >
        {t('labels:bar.allOccurrences')}
      </button>
      <label className="trim-toggle" title={t('labels:bar.trimTitle')}>
        <input type="checkbox" checked={trimParticles} onChange={(e) => void store.getState().setTrimParticles(e.target.checked)} />
        {t('labels:bar.trim')}
      </label>
      <label className="trim-toggle" title={t('labelling:snapTitle')}>
        <input type="checkbox" checked={snapWords} onChange={(e) => void store.getState().setSnapWords(e.target.checked)} />
        {t('labelling:snap')}
      </label>
      <p className="guideline" aria-live="polite">
        {shown ? t('labels:bar.shown', { name: shown.name, key: shown.key, guideline: shown.guideline || t('labels:screen.noGuideline') }) : t('labels:bar.hint')}
      </p>
    </div>
  )
}
