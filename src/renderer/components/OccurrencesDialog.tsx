import { memo, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useStore } from 'zustand'
import type { OccurrenceHit, OccurrencesResult } from '../../shared/api'
import type { LabelDef } from '../../shared/domain'
import { useApi, useApp, useAppStore } from '../state/context'
import { initiallyChecked, labelChecked, moveCursor, occurrencesStore, openDocIds, toggle, type OccurrenceScope } from '../state/occurrences'
import { Modal } from './Modal'
import { Trans } from 'react-i18next'
import { useT } from '../use-t'
import { useErrorText } from '../ui-text'

type Tr = ReturnType<typeof useT>

type Phase = { kind: 'searching' } | { kind: 'ready'; result: OccurrencesResult } | { kind: 'failed'; message: string } | { kind: 'labelling'; result: OccurrencesResult }

const SCOPES: OccurrenceScope[] = ['document', 'open', 'corpus']

/**
 * "All occurrences": the other mentions of the span just labelled (or the selected text) in this
 * document, the open ones or the whole corpus, as keyword-in-context lines with checkboxes.
 * Arrows move, Space toggles, Enter labels the checked ones (one undo step), Escape closes.
 */
export function OccurrencesDialog() {
  const api = useApi()
  const app = useAppStore()
  const local = occurrencesStore(app)
  const target = useStore(local, (s) => s.target)
  const scope = useStore(local, (s) => s.scope)
  const annotator = useApp((s) => s.annotator)
  const labels = useApp((s) => s.labels)
  const setDialog = useApp((s) => s.setDialog)
  const [label, setLabel] = useState(target?.label ?? labels[0]?.key ?? '')
  const [phase, setPhase] = useState<Phase>({ kind: 'searching' })
  const [checked, setChecked] = useState<Set<number>>(new Set())
  const [cursor, setCursor] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)
  const focusedOnce = useRef(false)
  const request = useRef(0)
  const idBase = useId()
  const t = useT()
  const showError = useErrorText()

  useEffect(() => {
    if (!target || !annotator) return
    const mine = ++request.current
    setPhase({ kind: 'searching' })
    const where = scope === 'document' ? { docId: target.docId } : scope === 'open' ? { docIds: openDocIds(app) } : {}
    api
      .findOccurrences({ annotator, text: target.text, scope, label, ...where })
      .then((result) => {
        if (mine !== request.current) return
        setPhase({ kind: 'ready', result })
        setChecked(initiallyChecked(result.hits))
        setCursor(0)
      })
      .catch((err: unknown) => mine === request.current && setPhase({ kind: 'failed', message: showError(err) }))
  }, [api, app, annotator, target, scope, label])

  // Once the first list is in, the keyboard works on it (the Modal first focuses the scope choice).
  useEffect(() => {
    if (phase.kind === 'ready' && !focusedOnce.current) {
      focusedOnce.current = true
      listRef.current?.focus()
    }
  }, [phase])

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${cursor}"]`)?.scrollIntoView?.({ block: 'nearest' })
  }, [cursor])

  // Stable, so that toggling one row re-renders only that row (the list may hold 5,000).
  const pick = useCallback((i: number) => {
    setCursor(i)
    setChecked((c) => toggle(c, i))
  }, [])

  const close = (): void => setDialog(null)
  if (!target) return null
  const result = phase.kind === 'ready' || phase.kind === 'labelling' ? phase.result : null
  const hits = result?.hits ?? []
  const labelName = labels.find((l) => l.key === label)?.name ?? label
  const busy = phase.kind !== 'ready'

  const run = async (): Promise<void> => {
    if (phase.kind !== 'ready' || checked.size === 0) return
    setPhase({ kind: 'labelling', result: phase.result })
    const done = await labelChecked(app, api, { text: target.text, label, hits: phase.result.hits, checked })
    if (done) close()
    else setPhase({ kind: 'ready', result: phase.result })
  }

  const onListKey = (e: KeyboardEvent<HTMLUListElement>): void => {
    if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) {
      e.preventDefault()
      setCursor((c) => moveCursor(c, e.key, hits.length))
    } else if (e.key === ' ') {
      e.preventDefault()
      if (hits.length > 0) setChecked((c) => toggle(c, cursor))
    }
  }

  const onDialogKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    // Enter labels from anywhere in the dialog except a button (which Enter presses).
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault()
      void run()
    }
  }

  return (
    <Modal title={t('occurrences:title')} onClose={() => phase.kind !== 'labelling' && close()}>
      <div className="occurrences" onKeyDown={onDialogKey}>
        <p className="occ-target">
          <Trans t={t} i18nKey="occurrences:target" values={{ text: target.text }} components={{ strong: <strong className="occ-needle" /> }} />
        </p>
        <div className="occ-options">
          <fieldset className="occ-scope">
            <legend>{t('occurrences:where')}</legend>
            {SCOPES.map((s) => (
              <label key={s}>
                <input type="radio" name={`${idBase}-scope`} value={s} checked={scope === s} onChange={() => local.setState({ scope: s })} />
                {t(`occurrences:scope.${s}`)}
              </label>
            ))}
          </fieldset>
          <label className="occ-label">
            {t('occurrences:labelAs')}
            <select aria-label={t('occurrences:labelAs')} value={label} onChange={(e) => setLabel(e.target.value)}>
              {labels.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="occ-summary" role="status" data-testid="occ-summary">
          {phase.kind === 'searching' && t('occurrences:searching')}
          {phase.kind === 'failed' && <span className="error">{phase.message}</span>}
          {result && summary(t, result, labelName)}
        </p>
        <ul
          ref={listRef}
          className="occ-list"
          role="listbox"
          aria-multiselectable="true"
          aria-label={t('occurrences:list')}
          aria-activedescendant={hits.length > 0 ? `${idBase}-hit-${cursor}` : undefined}
          tabIndex={0}
          onKeyDown={onListKey}
        >
          {hits.map((h, i) => (
            <HitRow key={`${h.docId}:${h.start}`} hit={h} index={i} id={`${idBase}-hit-${i}`} checked={checked.has(i)} atCursor={i === cursor} labels={labels} onPick={pick} />
          ))}
        </ul>
        <div className="modal-actions">
          <button type="button" onClick={() => setChecked(new Set(hits.map((_, i) => i)))} disabled={busy || hits.length === 0}>
            {t('occurrences:checkAll')}
          </button>
          <button type="button" onClick={() => setChecked(new Set())} disabled={busy || checked.size === 0}>
            {t('occurrences:checkNone')}
          </button>
          <span className="occ-spacer" />
          <button type="button" onClick={close} disabled={phase.kind === 'labelling'}>
            {t('common:close')}
          </button>
          <button type="button" className="primary" onClick={() => void run()} disabled={busy || checked.size === 0}>
            {phase.kind === 'labelling' ? t('occurrences:labelling') : t('occurrences:run', { count: checked.size, label: labelName })}
          </button>
        </div>
      </div>
    </Modal>
  )
}

interface HitRowProps {
  hit: OccurrenceHit
  index: number
  id: string
  checked: boolean
  atCursor: boolean
  labels: LabelDef[]
  onPick(index: number): void
}

/** One keyword-in-context line: checkbox, document id, left context, the match, right context. */
const HitRow = memo(function HitRow({ hit: h, index, id, checked, atCursor, labels, onPick }: HitRowProps) {
  const t = useT()
  return (
    <li id={id} data-index={index} role="option" aria-selected={checked} className={atCursor ? 'occ-hit cursor' : 'occ-hit'} onClick={() => onPick(index)}>
      <input type="checkbox" tabIndex={-1} aria-hidden="true" checked={checked} readOnly />
      <span className="occ-doc" title={h.title}>
        {h.docId}
      </span>
      <span className="occ-kwic">
        <span className="occ-left">{h.left}</span>
        <mark>{h.match}</mark>
        <span className="occ-right">{h.right}</span>
      </span>
      {h.existing && <span className="badge">{existingNote(t, h.existing, labels, h)}</span>}
    </li>
  )
})

function summary(t: Tr, r: OccurrencesResult, labelName: string): string {
  const parts = [
    t('occurrences:found', {
      occurrences: t('occurrences:occurrence', { count: r.hits.length, n: `${r.hits.length}${r.more ? '+' : ''}` }),
      documents: r.documents,
      searched: t('occurrences:document', { count: r.searched })
    })
  ]
  if (r.alreadyLabelled > 0) parts.push(t('occurrences:already', { count: r.alreadyLabelled, label: labelName }))
  if (r.ignored > 0) parts.push(t('occurrences:ignored', { count: r.ignored }))
  if (r.more) parts.push(t('occurrences:more'))
  return parts.join(t('occurrences:separator')) + t('occurrences:end')
}

function existingNote(t: Tr, existing: { start: number; end: number; label: string }, labels: LabelDef[], hit: { start: number; end: number }): string {
  const name = labels.find((l) => l.key === existing.label)?.name ?? existing.label
  return existing.start === hit.start && existing.end === hit.end ? t('occurrences:alreadyLabel', { label: name }) : t('occurrences:insideLabel', { label: name })
}
