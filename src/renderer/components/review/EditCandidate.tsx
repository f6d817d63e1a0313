import type { LabelDef, SpanState } from '../../../shared/domain'
import { useT } from '../../use-t'

interface EditCandidateProps {
  /** The edited span (its boundaries move with the handles in the text). */
  span: SpanState
  length: number
  labels: readonly LabelDef[]
  textOf(s: SpanState): string
  onChange(span: SpanState): void
  /** Focus the label select when the form opens (not when the edit began at an edge handle, which keeps focus). */
  focusLabel: boolean
  onAccept(span: SpanState): void
  onCancel(): void
}

/**
 * Changes a candidate's label before accepting it; its boundaries are moved in the text (drag the
 * edges, or Shift+arrows on a focused edge), and this form shows the result.
 */
export function EditCandidate({ span, length, labels, textOf, onChange, focusLabel, onAccept, onCancel }: EditCandidateProps) {
  const t = useT()
  const valid = span.start >= 0 && span.end > span.start && span.end <= length

  return (
    <form
      className="edit-candidate"
      aria-label={t('review:editForm')}
      onSubmit={(e) => {
        e.preventDefault()
        if (valid) onAccept(span)
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <div className="candidate-line">
        <label>
          {t('review:label')}{' '}
          <select value={span.label} onChange={(e) => onChange({ ...span, label: e.target.value })} autoFocus={focusLabel}>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        {valid ? <span className="candidate-text" data-testid="edit-text">“{textOf(span)}”</span> : <span className="error">{t('review:emptySpan')}</span>}
        <span className="muted" data-testid="edit-offsets">
          {t('review:offsets', { start: span.start, end: span.end })}
        </span>
      </div>
      <p className="hint">{t('review:editHint')}</p>
      <div className="candidate-line">
        <button type="submit" className="small-button primary" disabled={!valid}>
          {t('review:acceptEdited')}
        </button>
        <button type="button" className="small-button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  )
}
