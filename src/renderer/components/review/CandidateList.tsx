import { useEffect, useId, useRef, type CSSProperties } from 'react'
import { OptionAction } from './OptionAction'
import type { ReviewCandidate, ReviewLink } from '../../../shared/api'
import type { SpanState } from '../../../shared/domain'
import type { LabelStyles } from '../Block'
import { useT } from '../../use-t'

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
  const idBase = useId()
  const t = useT()
  useEffect(() => {
    if (!current) return
    listRef.current?.querySelector(`[data-candidate="${CSS.escape(current)}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [current])

  return (
    // One tab stop (it scrolls); the current candidate is its active option, moved with n/p and acted on with a/r/e.
    <ul
      className="candidate-list"
      role="listbox"
      aria-label={t('review:candidates')}
      ref={listRef}
      tabIndex={0}
      aria-activedescendant={current && candidates.some((c) => c.key === current) ? `${idBase}-${current}` : undefined}
    >
      {candidates.map((c) => {
        const label = labels.byKey.get(c.label)
        return (
          <li
            key={c.key}
            role="option"
            id={`${idBase}-${c.key}`}
            aria-selected={c.key === current}
            data-candidate={c.key}
            data-kind={c.kind}
            data-decision={c.editedTo ? 'edited' : (c.decision ?? 'pending')}
            className="candidate"
            onClick={() => onPick(c.key)}
          >
            <div className="candidate-line">
              <span className={`kind-badge ${c.kind}`}>{t(`review:kind.${c.kind}`)}</span>
              <span className="candidate-text">“{textOf(c)}”</span>
              <span className="label-chip" style={{ '--label-color': label?.color ?? '#868e96' } as CSSProperties}>
                {label?.name ?? c.label}
              </span>
            </div>
            <div className="candidate-line small">
              <span className="muted">
                {c.annotators.join(', ')} · {c.start}–{c.end}
              </span>
              {c.editedTo ? (
                <span className="decision edited">
                  {t('review:editedTo', { text: textOf({ ...c, ...c.editedTo }), label: labels.byKey.get(c.editedTo.label)?.name ?? c.editedTo.label })}
                </span>
              ) : c.decision && (
                <span className={`decision ${c.decision}`}>
                  {c.decision === 'accepted'
                    ? acceptedBy.get(c.key)
                      ? t('review:acceptedBy', { name: acceptedBy.get(c.key) })
                      : t('review:accepted')
                    : t('review:rejected')}
                </span>
              )}
              <span className="spacer" />
              <OptionAction keys="a" onAct={() => onAccept(c)} disabled={c.decision === 'accepted' && !c.editedTo}>
                {t('review:accept')}
              </OptionAction>
              <OptionAction keys="r" onAct={() => onReject(c)} disabled={c.decision === 'rejected'}>
                {t('review:reject')}
              </OptionAction>
              <OptionAction keys="e" onAct={() => onEdit(c)}>
                {t('review:edit')}
              </OptionAction>
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
  const t = useT()
  if (links.length === 0) return null
  return (
    <section className="review-links" aria-label={t('review:linkCandidates')}>
      <h4>{t('review:links')}</h4>
      <ul className="candidate-list">
        {links.map((l) => {
          const ready = inGold(l.from) && inGold(l.to)
          return (
            <li key={l.key} className="candidate" data-link={l.key} data-kind={l.kind} data-decision={l.decision ?? 'pending'}>
              <div className="candidate-line">
                <span className={`kind-badge ${l.kind === 'agreed' ? 'agreed' : l.kind === 'conflict' ? 'mixed_conflict' : 'only_one'}`}>
                  {t(`review:linkKind.${l.kind}`)}
                </span>
                <span className="candidate-text">
                  “{textOf(l.from)}” — {roleName(l.type)} → “{textOf(l.to)}”
                </span>
              </div>
              <div className="candidate-line small">
                <span className="muted">{l.annotators.join(', ')}</span>
                {l.decision && <span className="decision accepted">{t('review:accepted')}</span>}
                <span className="spacer" />
                <button
                  type="button"
                  className="small-button"
                  onClick={() => onAccept(l)}
                  disabled={l.decision === 'accepted'}
                  title={ready ? t('review:acceptLinkTitle') : t('review:acceptEndsFirst')}
                >
                  {t('review:acceptLink')}
                </button>
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
