import { useCallback, useEffect, useRef, useState } from 'react'
import type { MeetingEvent } from '../../shared/meetings-schema'
import { downloadText } from '../files'
import { useApi, useApp } from '../state/context'
import { Modal } from './Modal'
import { useT } from '../use-t'
import { useErrorText, useUiText } from '../ui-text'
import { messageText } from '../error-text'

type Tr = ReturnType<typeof useT>

type Load = { kind: 'loading' } | { kind: 'ready'; events: MeetingEvent[] } | { kind: 'failed'; message: string }

/** How long the view waits after the last change before listing the meetings again. */
const LIVE_REFRESH_MS = 300


/** "2025-02-04", "2025-07-14 (week of)", "2025-02 (month)", "2024 (year)", "date unknown". */
function shownDate(t: Tr, e: MeetingEvent): string {
  if (e.date === null) return t('meetings:dateUnknown')
  if (e.precision === 'month') return e.date.slice(0, 7)
  if (e.precision === 'year') return e.date.slice(0, 4)
  if (e.precision === 'week') return t('meetings:weekOf', { date: e.date })
  return e.date
}

/**
 * The Meetings view: every MEETING span with links, grouped into events, on a vertical
 * timeline. Select events to merge them into one (an entity of type MEETING), click a
 * sentence to open its document at the meeting, export meetings.jsonl.
 */
export function MeetingsDialog() {
  const api = useApi()
  const annotator = useApp((s) => s.annotator)
  const t = useT()
  const showError = useErrorText()
  const showText = useUiText()
  const setDialog = useApp((s) => s.setDialog)
  const revealRange = useApp((s) => s.revealRange)
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [naming, setNaming] = useState<string | null>(null)
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null)

  const refresh = useCallback(async () => {
    if (!annotator) return
    try {
      const { events } = await api.listMeetings({ annotator })
      setLoad({ kind: 'ready', events })
      setSelected((s) => new Set([...s].filter((id) => events.some((e) => e.id === id))))
    } catch (e) {
      setLoad({ kind: 'failed', message: showError(e) })
    }
  }, [api, annotator])

  useEffect(() => {
    void refresh()
  }, [refresh])

  // Live: links or spans changed here (reviewVersion) or in another tab or program (documents, refetched
  // on their announcement): list again after a pause, as the links and entities stores do.
  const version = useApp((s) => s.reviewVersion)
  const documents = useApp((s) => s.documents)
  const seen = useRef({ version, documents })
  useEffect(() => {
    if (seen.current.version === version && seen.current.documents === documents) return
    seen.current = { version, documents }
    const timer = setTimeout(() => void refresh(), LIVE_REFRESH_MS)
    return () => clearTimeout(timer)
  }, [version, documents, refresh])

  const events = load.kind === 'ready' ? load.events : []
  const chosen = events.filter((e) => selected.has(e.id))
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])))

  const merge = async (name: string) => {
    if (!annotator) return
    try {
      const r = await api.mergeMeetings({ annotator, spanIds: chosen.flatMap((e) => e.mentions.map((m) => m.spanId)), name })
      setNaming(null)
      setSelected(new Set([`entity:${r.entityId}`]))
      setStatus({ text: showText(messageText(r.description)), error: false })
      await refresh()
    } catch (e) {
      setStatus({ text: t('meetings:mergeFailed', { reason: showError(e) }), error: true })
    }
  }

  const split = async () => {
    if (!annotator) return
    try {
      const r = await api.splitMeeting({ annotator, spanIds: chosen.filter((e) => e.entityId !== null).flatMap((e) => e.mentions.map((m) => m.spanId)) })
      setSelected(new Set())
      setStatus({ text: showText(messageText(r.description)), error: false })
      await refresh()
    } catch (e) {
      setStatus({ text: t('meetings:splitFailed', { reason: showError(e) }), error: true })
    }
  }

  const exportJsonl = async () => {
    if (!annotator) return
    try {
      const r = await api.exportMeetings({ annotator })
      downloadText(r.fileName, r.content)
      setStatus({ text: t('meetings:exported', { count: r.events, file: r.fileName }), error: false })
    } catch (e) {
      setStatus({ text: t('meetings:exportFailed', { reason: showError(e) }), error: true })
    }
  }

  return (
    <Modal title={t('meetings:title')} onClose={() => setDialog(null)}>
      <div className="meetings">
        {!annotator && <p>{t('meetings:needAnnotator')}</p>}
        {load.kind === 'loading' && annotator && <p role="status">{t('meetings:loading')}</p>}
        {load.kind === 'failed' && (
          <p className="error" role="alert">
            {t('meetings:loadFailed', { reason: load.message })}
          </p>
        )}
        {load.kind === 'ready' && events.length === 0 && (
          <p>{t('meetings:none')}</p>
        )}
        {events.length > 0 && (
          <ol className="meeting-timeline" aria-label={t('meetings:timeline')}>
            {events.map((e) => (
              <li key={e.id} className="meeting-event" data-event={e.id} data-date={e.date ?? ''} aria-selected={selected.has(e.id)}>
                <label className="meeting-when">
                  <input type="checkbox" checked={selected.has(e.id)} onChange={() => toggle(e.id)} aria-label={t('meetings:select', { name: e.name })} />
                  <span className="meeting-date" title={e.mentions.find((m) => m.dateHow)?.dateHow ?? ''}>
                    {shownDate(t, e)}
                  </span>
                  {e.dateText && <span className="meeting-written">“{e.dateText}”</span>}
                </label>
                <div className="meeting-body">
                  <div className="meeting-head">
                    {e.entityId !== null && <strong className="meeting-name">{e.name}</strong>}
                    {e.participants.map((p) => (
                      <span key={`${p.entityId ?? ''}:${p.name}`} className="participant-chip" data-type={p.type} title={p.entityId !== null ? t('meetings:participantEntity', { name: p.name, type: p.type }) : t('meetings:participantLoose', { type: p.type })}>
                        {p.name}
                      </span>
                    ))}
                    {e.place && <span className="meeting-place">@ {e.place}</span>}
                    <span className="meeting-count">
                      {t('meetings:articles', { count: e.documents })}
                    </span>
                  </div>
                  <ul className="meeting-mentions">
                    {e.mentions.map((m) => (
                      <li key={m.spanId}>
                        <button
                          type="button"
                          className="meeting-sentence"
                          title={t('meetings:openAt', { title: m.title })}
                          onClick={() => {
                            setDialog(null)
                            revealRange(m.docId, m.start, m.end)
                          }}
                        >
                          <span className="meeting-doc">{m.title}</span> {m.sentence}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            ))}
          </ol>
        )}
        {naming !== null && (
          <form
            className="meeting-merge"
            onSubmit={(ev) => {
              ev.preventDefault()
              if (naming.trim()) void merge(naming.trim())
            }}
          >
            <label className="field">
              {t('meetings:mergedName')}
              <input value={naming} onChange={(ev) => setNaming(ev.target.value)} autoFocus maxLength={200} />
            </label>
            <button type="button" onClick={() => setNaming(null)}>
              {t('common:cancel')}
            </button>
            <button type="submit" className="primary" disabled={!naming.trim()}>
              {t('meetings:merge')}
            </button>
          </form>
        )}
        {status && (
          <p className={status.error ? 'result error' : 'result'} role={status.error ? 'alert' : 'status'}>
            {status.text}
          </p>
        )}
      </div>
      <div className="modal-actions">
        <button type="button" onClick={() => setNaming(chosen.find((e) => e.entityId !== null)?.name ?? `${chosen[0]?.name ?? t('meetings:defaultName')} ${chosen[0]?.date ?? ''}`.trim())} disabled={chosen.length < 2}>
          {t('meetings:mergeSelected')}
        </button>
        <button type="button" onClick={() => void split()} disabled={!chosen.some((e) => e.entityId !== null)}>
          {t('meetings:split')}
        </button>
        <button type="button" onClick={() => void exportJsonl()} disabled={!annotator || events.length === 0}>
          {t('meetings:export')}
        </button>
        <button type="button" className="primary" onClick={() => setDialog(null)}>
          {t('common:close')}
        </button>
      </div>
    </Modal>
  )
}
