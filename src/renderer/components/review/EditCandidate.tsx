import { useState } from 'react'
import type { ReviewCandidate } from '../../../shared/api'
import type { LabelDef, SpanState } from '../../../shared/domain'

interface EditCandidateProps {
  candidate: ReviewCandidate
  length: number
  labels: readonly LabelDef[]
  textOf(s: SpanState): string
  onAccept(span: SpanState): void
  onCancel(): void
}

/** Changes a candidate's boundaries (code points) and label before accepting it. */
export function EditCandidate({ candidate, length, labels, textOf, onAccept, onCancel }: EditCandidateProps) {
  const [span, setSpan] = useState<SpanState>({ start: candidate.start, end: candidate.end, label: candidate.label })
  const valid = span.start >= 0 && span.end > span.start && span.end <= length
  const nudge = (field: 'start' | 'end', by: number) => setSpan((s) => ({ ...s, [field]: Math.max(0, Math.min(length, s[field] + by)) }))

  return (
    <form
      className="edit-candidate"
      aria-label="Edit before accepting"
      onSubmit={(e) => {
        e.preventDefault()
        if (valid) onAccept(span)
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <div className="candidate-line">
        <label>
          Label{' '}
          <select value={span.label} onChange={(e) => setSpan((s) => ({ ...s, label: e.target.value }))} autoFocus>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        {(['start', 'end'] as const).map((field) => (
          <span key={field} className="nudge">
            <button type="button" className="small-button" aria-label={`${field} one character earlier`} onClick={() => nudge(field, -1)}>
              ◀
            </button>
            <label>
              {field}{' '}
              <input
                type="number"
                value={span[field]}
                min={0}
                max={length}
                onChange={(e) => setSpan((s) => ({ ...s, [field]: Number(e.target.value) }))}
              />
            </label>
            <button type="button" className="small-button" aria-label={`${field} one character later`} onClick={() => nudge(field, 1)}>
              ▶
            </button>
          </span>
        ))}
      </div>
      <p className="candidate-line">
        {valid ? <span className="candidate-text">“{textOf(span)}”</span> : <span className="error">The span must cover at least one character of the text.</span>}
      </p>
      <div className="candidate-line">
        <button type="submit" className="small-button primary" disabled={!valid}>
          Accept edited
        </button>
        <button type="button" className="small-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
