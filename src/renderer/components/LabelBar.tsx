import { useState, type CSSProperties } from 'react'
import { useApp, useAppStore } from '../state/context'
import { applyLabel } from '../state/label-actions'
import { openOccurrences } from '../state/occurrences'

const HINT = 'Select text, then press a label key. Click a span to select it: a key relabels it, Delete removes it. Ctrl+Shift+A labels all other occurrences. Dashed outlines are suggestions: Enter accepts, Shift+Enter accepts all of that label, x rejects. Shift+I marks the selection as not article text. Ctrl+Z undoes, Ctrl+Shift+Z redoes.'

/** The project's labels with their hotkeys; the guideline of the label under the pointer is shown beside them. */
export function LabelBar() {
  const store = useAppStore()
  const labels = useApp((s) => s.labels)
  const trimParticles = useApp((s) => s.session?.trimParticles ?? true)
  const [hovered, setHovered] = useState<string | null>(null)
  const shown = labels.find((l) => l.key === hovered)

  return (
    <div className="label-bar">
      <div role="toolbar" aria-label="Labels" className="label-buttons">
        {labels.map((l) => (
          <button
            key={l.key}
            type="button"
            className="label-button"
            style={{ '--label-color': l.color } as CSSProperties}
            aria-keyshortcuts={l.hotkey}
            title={l.guideline}
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
        aria-keyshortcuts="Control+Shift+A"
        title="Find the other occurrences of the span just labelled (or the selected text) and label them in one step (Ctrl+Shift+A)"
        // Keep the text selection, as the label buttons do.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => openOccurrences(store)}
      >
        All occurrences…
      </button>
      <label className="trim-toggle" title="When on, labelling 올트먼의 saves 올트먼: spaces, punctuation and a trailing particle are left out. One Ctrl+Z puts them back.">
        <input type="checkbox" checked={trimParticles} onChange={(e) => void store.getState().setTrimParticles(e.target.checked)} />
        Trim particles
      </label>
      <p className="guideline" aria-live="polite">
        {shown ? (
          <>
            <strong>{shown.name}</strong> ({shown.key}): {shown.guideline}
          </>
        ) : (
          HINT
        )}
      </p>
    </div>
  )
}
