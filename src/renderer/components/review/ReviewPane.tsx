import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ReviewCandidate, ReviewView } from '../../../shared/api'
import type { DocumentRecord, SpanState } from '../../../shared/domain'
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/layers'
import { useT } from '../../use-t'
import { OffsetMap } from '../../../shared/offsets'
import { useApi, useApp, useAppStore } from '../../state/context'
import { reviewActions } from '../../state/review-actions'
import type { LabelStyles } from '../Block'
import { CandidateList, LinkList } from './CandidateList'
import { ConfirmDialog } from './ConfirmDialog'
import { EditCandidate } from './EditCandidate'
import { ReviewText } from './ReviewText'
import { useReviewKeys } from './use-review-keys'
import { useTextRoom } from './use-text-room'
import { useErrorText } from '../../ui-text'

interface ReviewPaneProps {
  docId: string
  annotators: string[]
  labels: LabelStyles
  active: boolean
}

/** A step that waits for the person's word: replacing gold's label for a range, or marking reviewed with differences undecided. */
type Confirmation =
  | { kind: 'replace'; span: SpanState; old: string; go(): void }
  | { kind: 'reviewed'; undecided: number; differences: number; go(): void }

/** Review mode: the chosen annotators' spans side by side, classified, with accept / reject / edit into gold. */
export function ReviewPane({ docId, annotators, labels, active }: ReviewPaneProps) {
  const api = useApi()
  const store = useAppStore()
  const actions = useMemo(() => reviewActions(store, api), [store, api])
  const version = useApp((s) => s.reviewVersion)
  const labelDefs = useApp((s) => s.labels)
  const [doc, setDoc] = useState<DocumentRecord | null>(null)
  const [view, setView] = useState<ReviewView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [current, setCurrent] = useState<string | null>(null)
  const [editing, setEditing] = useState<ReviewCandidate | null>(null)
  /** The edited span: its edges move with the handles in the text, its label in the form. */
  const [draft, setDraft] = useState<SpanState | null>(null)
  /** The edit began at an edge handle in the text: focus stays there (not on the form's label). */
  const [fromHandle, setFromHandle] = useState(false)
  const [confirm, setConfirm] = useState<Confirmation | null>(null)
  const [showAgreed, setShowAgreed] = useState(false)
  const [roles, setRoles] = useState<ReadonlyMap<string, string>>(new Map())
  const [paneRef, narrow] = useTextRoom()
  const who = annotators.join(',')
  const t = useT()
  const showError = useErrorText()

  useEffect(() => {
    api.getDocument({ id: docId }).then(setDoc, (e: unknown) => setError(showError(e)))
  }, [api, docId])
  useEffect(() => {
    api.getReview({ docId, annotators: who.split(',') }).then(
      (v) => {
        setView(v)
        setError(null)
      },
      (e: unknown) => setError(showError(e))
    )
  }, [api, docId, who, version])

  useEffect(() => {
    api.listRelationRoles({}).then((list) => setRoles(new Map(list.map((r) => [r.type, r.name]))), () => undefined)
  }, [api])

  const map = useMemo(() => (doc ? OffsetMap.of(doc.text) : null), [doc])
  const textOf = useCallback((s: SpanState) => (doc && map ? doc.text.slice(map.toUtf16(s.start), map.toUtf16(s.end)) : ''), [doc, map])
  const candidates = view?.candidates ?? []
  const differences = candidates.filter((c) => c.kind !== 'agreed')
  const agreedSpans = candidates.filter((c) => c.kind === 'agreed')
  // Agreed links go with "accept all agreed" when their ends are agreed spans or already in gold.
  const goldOrAgreed = new Set([...(view?.gold ?? []), ...agreedSpans].map((s) => `${s.start}:${s.end}:${s.label}`))
  const linksLeft = (view?.links ?? []).filter(
    (l) => l.kind === 'agreed' && !l.decision && [l.from, l.to].every((s) => goldOrAgreed.has(`${s.start}:${s.end}:${s.label}`))
  ).length
  const agreedLeft = agreedSpans.filter((c) => c.decision !== 'accepted').length + linksLeft
  const byKey = (key: string | null) => candidates.find((c) => c.key === key) ?? null
  const acceptedBy = useMemo(() => new Map((view?.gold ?? []).map((g) => [`${g.start}:${g.end}:${g.label}`, g.acceptedBy ?? ''])), [view])

  /** Moves to the next (or previous) difference, undecided ones first. */
  const step = (dir: 1 | -1): void => {
    const pool = differences.some((c) => !c.decision) ? differences.filter((c) => !c.decision || c.key === current) : differences
    if (pool.length === 0) return
    const at = pool.findIndex((c) => c.key === current)
    const next = at === -1 ? (dir === 1 ? 0 : pool.length - 1) : (at + dir + pool.length) % pool.length
    setCurrent(pool[next]?.key ?? null)
  }
  const startEdit = (c: ReviewCandidate | null, span: SpanState | null = c, byHandle = false): void => {
    setEditing(c)
    setFromHandle(byHandle)
    setDraft(span && { start: span.start, end: span.end, label: span.label })
  }
  const stopEdit = (): void => startEdit(null)
  /** Accepts a candidate (or its edit); a range gold holds with another label is replaced only once the person confirms. */
  const accept = (c: ReviewCandidate, span: SpanState = c): void => {
    const editedFrom = span.start !== c.start || span.end !== c.end || span.label !== c.label ? c : undefined
    const clash = view?.gold.find((g) => g.start === span.start && g.end === span.end && g.label !== span.label)
    const go = (replace: boolean): void => {
      stopEdit()
      setConfirm(null)
      void actions.accept(docId, span, c.annotators, { replace, ...(editedFrom ? { editedFrom } : {}) })
    }
    if (clash) setConfirm({ kind: 'replace', span, old: clash.label, go: () => go(true) })
    else go(false)
  }
  const reject = (c: ReviewCandidate): void => void actions.reject(docId, c)
  /** Marks the document reviewed, asking first while differences are undecided. */
  const markReviewed = (): void => {
    const go = (force: boolean): void => {
      setConfirm(null)
      void actions.setStatus(docId, 'reviewed', { annotators, force })
    }
    const undecided = differences.filter((c) => !c.decision).length
    if (undecided > 0) setConfirm({ kind: 'reviewed', undecided, differences: differences.length, go: () => go(true) })
    else go(false)
  }
  const setStatus = (status: ReviewStatus): void => (status === 'reviewed' ? markReviewed() : void actions.setStatus(docId, status, { annotators }))

  useReviewKeys(active && !editing && !confirm, {
    next: () => step(1),
    previous: () => step(-1),
    accept: () => {
      const c = byKey(current)
      if (c) accept(c)
    },
    reject: () => {
      const c = byKey(current)
      if (c) reject(c)
    },
    edit: () => startEdit(byKey(current)),
    acceptAgreed: () => void actions.acceptAgreed(docId, annotators)
  })

  if (error) return <p className="pane-message error" role="alert">{t('review:failed', { reason: error })}</p>
  if (!doc || !view) return <p className="pane-message">{t('review:comparing', { names: annotators.join(', ') })}</p>
  const decided = differences.filter((c) => c.decision).length
  const labelName = (key: string): string => labelDefs.find((l) => l.key === key)?.name ?? key
  const currentCandidate = byKey(current)

  return (
    <div className="review-pane" data-testid={`review-${docId}`} ref={paneRef} data-narrow={narrow ? '' : undefined}>
      <ReviewText
        text={doc.text}
        candidates={candidates}
        current={current}
        labels={labels}
        onPick={setCurrent}
        draft={draft}
        handles={draft ?? currentCandidate}
        textOf={textOf}
        onEdges={(span) => (editing ? setDraft(span) : startEdit(currentCandidate, span, true))}
      />
      <aside className="review-side" aria-label={t('review:side')}>
        <div className="review-toolbar">
          <label>
            {t('review:status')}{' '}
            <select aria-label={t('review:statusSelect')} value={view.status} onChange={(e) => setStatus(e.target.value as ReviewStatus)}>
              {REVIEW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`app:reviewStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="small-button" onClick={() => void actions.acceptAgreed(docId, annotators)} disabled={agreedLeft === 0}>
            {t('review:acceptAgreed', { count: agreedLeft })}
          </button>
          <button type="button" className="small-button" onClick={markReviewed} disabled={view.status === 'reviewed'}>
            {t('review:markReviewed')}
          </button>
        </div>
        <p className="review-summary" data-testid="review-summary">
          {t('review:summary', { agreed: candidates.length - differences.length, differences: differences.length, decided, gold: view.gold.length })}
        </p>
        <p className="hint">{t('review:keys')}</p>
        {editing && draft && map && (
          <EditCandidate
            span={draft}
            length={map.cpLength}
            labels={labelDefs}
            textOf={textOf}
            onChange={setDraft}
            focusLabel={!fromHandle}
            onAccept={(span) => accept(editing, span)}
            onCancel={stopEdit}
          />
        )}
        <label className="hint">
          <input type="checkbox" checked={showAgreed} onChange={(e) => setShowAgreed(e.target.checked)} /> {t('review:listAgreed')}
        </label>
        <CandidateList
          acceptedBy={acceptedBy}
          candidates={showAgreed ? candidates : differences}
          textOf={textOf}
          current={current}
          labels={labels}
          onPick={setCurrent}
          onAccept={(c) => accept(c)}
          onReject={reject}
          onEdit={(c) => {
            setCurrent(c.key)
            startEdit(c)
          }}
        />
        <LinkList
          links={view.links}
          textOf={textOf}
          roleName={(type) => roles.get(type) ?? type}
          inGold={(s) => acceptedBy.has(`${s.start}:${s.end}:${s.label}`)}
          onAccept={(l) => void actions.acceptLink(docId, l)}
        />
      </aside>
      {confirm?.kind === 'replace' && (
        <ConfirmDialog
          title={t('review:replaceTitle')}
          message={t('review:replaceBody', { text: textOf(confirm.span), old: labelName(confirm.old), label: labelName(confirm.span.label) })}
          confirm={t('review:replace')}
          onConfirm={confirm.go}
          onCancel={() => setConfirm(null)}
        />
      )}
      {confirm?.kind === 'reviewed' && (
        <ConfirmDialog
          title={t('review:markReviewedTitle')}
          message={t('review:undecidedAsk', { undecided: confirm.undecided, differences: confirm.differences })}
          confirm={t('review:markAnyway')}
          onConfirm={confirm.go}
          onCancel={() => setConfirm(null)}
        />
      )}
    </div>
  )
}
