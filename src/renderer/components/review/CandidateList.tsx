import { useEffect, useRef, type CSSProperties } from 'react'
import type { ReviewCandidate, ReviewLink } from '../../../shared/api'
import type { SpanState } from '../../../shared/domain'
import { CANDIDATE_KIND_NAMES } from '../../../shared/review/classify'
import { LINK_KIND_NAMES } from '../../../shared/review/links'
import type { LabelStyles } from '../Block'

interface CandidateListProps {
  candidates: readonly ReviewCandidate[]
  /** Who accepted each gold span (by candidate key), shown beside accepted candidates. */
  acceptedBy: ReadonlyMap<string, string>
  textOf(c: ReviewCandidate): string
  current: string | null
  labels: LabelStyles
  onPick(key: string): void
  onAccept(c: ReviewCandidate): void
  onReject(c: ReviewCandidate): void
  onEdit(c: ReviewCandidate): void
}

/** Every candidate span with who proposed it, its kind, the decision, and the actions. */
export function CandidateList({ candidates, acceptedBy, textOf, current, labels, onPick, onAccept, onReject, onEdit }: CandidateListProps) {
  const listRef = useRef<HTMLUListElement>(null)
  useEffect(() => {
    if (!current) return
    listRef.current?.querySelector(`[data-candidate="${CSS.escape(current)}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [current])

  return (
    <ul className="candidate-list" role="listbox" aria-label="Review candidates" ref={listRef}>
      {candidates.map((c) => {
        const label = labels.byKey.get(c.label)
        return (
          <li
            key={c.key}
            role="option"
            aria-selected={c.key === current}
            data-candidate={c.key}
            data-kind={c.kind}
            data-decision={c.decision ?? 'pending'}
            className="candidate"
            onClick={() => onPick(c.key)}
          >
            <div className="candidate-line">
              <span className={`kind-badge ${c.kind}`}>{CANDIDATE_KIND_NAMES[c.kind]}</span>
              <span className="candidate-text">“{textOf(c)}”</span>
              <span className="label-chip" style={{ '--label-color': label?.color ?? '#868e96' } as CSSProperties}>
                {label?.name ?? c.label}
              </span>
            </div>
            <div className="candidate-line small">
              <span className="muted">
                {c.annotators.join(', ')} · {c.start}–{c.end}
              </span>
              {c.decision && (
                <span className={`decision ${c.decision}`}>
                  {c.decision === 'accepted' ? `✓ accepted${acceptedBy.get(c.key) ? ` by ${acceptedBy.get(c.key)}` : ''}` : '✗ rejected'}
                </span>
              )}
              <span className="spacer" />
              <button type="button" className="small-button" onClick={(e) => (e.stopPropagation(), onAccept(c))} disabled={c.decision === 'accepted'}>
                Accept
              </button>
              <button type="button" className="small-button" onClick={(e) => (e.stopPropagation(), onReject(c))} disabled={c.decision === 'rejected'}>
                Reject
              </button>
              <button type="button" className="small-button" onClick={(e) => (e.stopPropagation(), onEdit(c))}>
                Edit
              </button>
            </div>
          </li>
        )
      })}
    </ul>
  )
}

interface LinkListProps {
  links: readonly ReviewLink[]
  textOf(s: SpanState): string
  /** Role names by type ("participant" → "Participant"). */
  roleName(type: string): string
  /** Gold has a span with these (start, end, label): the link can be accepted once both ends do. */
  inGold(s: SpanState): boolean
  onAccept(l: ReviewLink): void
}

/** Link candidates (meeting → participant, date, place): who has each, its kind, and Accept (once both ends are in gold). */
export function LinkList({ links, textOf, roleName, inGold, onAccept }: LinkListProps) {
  if (links.length === 0) return null
  return (
    <section className="review-links" aria-label="Link candidates">
      <h4>Links</h4>
      <ul className="candidate-list">
        {links.map((l) => {
          const ready = inGold(l.from) && inGold(l.to)
          return (
            <li key={l.key} className="candidate" data-link={l.key} data-kind={l.kind} data-decision={l.decision ?? 'pending'}>
              <div className="candidate-line">
                <span className={`kind-badge ${l.kind === 'agreed' ? 'agreed' : l.kind === 'conflict' ? 'mixed_conflict' : 'only_one'}`}>
                  {LINK_KIND_NAMES[l.kind]}
                </span>
                <span className="candidate-text">
                  “{textOf(l.from)}” — {roleName(l.type)} → “{textOf(l.to)}”
                </span>
              </div>
              <div className="candidate-line small">
                <span className="muted">{l.annotators.join(', ')}</span>
                {l.decision && <span className="decision accepted">✓ accepted</span>}
                <span className="spacer" />
                <button
                  type="button"
                  className="small-button"
                  onClick={() => onAccept(l)}
                  disabled={l.decision === 'accepted'}
                  title={ready ? 'Put this link into gold' : 'Accept both spans into gold first'}
                >
                  Accept link
                </button>
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
