import { useState } from 'react'
import type { ReviewCandidate } from '../../../shared/api'
import type { LabelDef, SpanState } from '../../../shared/domain'
import { useT } from '../../use-t'

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
  const t = useT()
  const valid = span.start >= 0 && span.end > span.start && span.end <= length
  const nudge = (field: 'start' | 'end', by: number) => setSpan((s) => ({ ...s, [field]: Math.max(0, Math.min(length, s[field] + by)) }))

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
            <button type="button" className="small-button" aria-label={t('review:earlier', { field: t(`review:${field}`) })} onClick={() => nudge(field, -1)}>
              ◀
            </button>
            <label>
              {t(`review:${field}`)}{' '}
              <input
                type="number"
                value={span[field]}
                min={0}
                max={length}
                onChange={(e) => setSpan((s) => ({ ...s, [field]: Number(e.target.value) }))}
              />
            </label>
            <button type="button" className="small-button" aria-label={t('review:later', { field: t(`review:${field}`) })} onClick={() => nudge(field, 1)}>
              ▶
            </button>
          </span>
        ))}
      </div>
      <p className="candidate-line">
        {valid ? <span className="candidate-text">“{textOf(span)}”</span> : <span className="error">{t('review:emptySpan')}</span>}
      </p>
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
