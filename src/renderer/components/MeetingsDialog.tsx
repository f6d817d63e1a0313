import { useCallback, useEffect, useState } from 'react'
import type { MeetingEvent } from '../../shared/meetings-schema'
import { downloadText } from '../files'
import { useApi, useApp } from '../state/context'
import { Modal } from './Modal'

type Load = { kind: 'loading' } | { kind: 'ready'; events: MeetingEvent[] } | { kind: 'failed'; message: string }

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** "2025-02-04", "2025-07-14 (week of)", "2025-02 (month)", "2024 (year)", "date unknown". */
function shownDate(e: MeetingEvent): string {
  if (e.date === null) return 'date unknown'
  if (e.precision === 'month') return e.date.slice(0, 7)
  if (e.precision === 'year') return e.date.slice(0, 4)
  if (e.precision === 'week') return `week of ${e.date}`
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
      setLoad({ kind: 'failed', message: message(e) })
    }
  }, [api, annotator])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const events = load.kind === 'ready' ? load.events : []
  const chosen = events.filter((e) => selected.has(e.id))
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])))

  const merge = async (name: string) => {
    if (!annotator) return
    try {
      const r = await api.mergeMeetings({ annotator, spanIds: chosen.flatMap((e) => e.mentions.map((m) => m.spanId)), name })
      setNaming(null)
      setSelected(new Set([`entity:${r.entityId}`]))
      setStatus({ text: r.description, error: false })
      await refresh()
    } catch (e) {
      setStatus({ text: `Merge failed: ${message(e)}`, error: true })
    }
  }

  const split = async () => {
    if (!annotator) return
    try {
      const r = await api.splitMeeting({ annotator, spanIds: chosen.filter((e) => e.entityId !== null).flatMap((e) => e.mentions.map((m) => m.spanId)) })
      setSelected(new Set())
      setStatus({ text: r.description, error: false })
      await refresh()
    } catch (e) {
      setStatus({ text: `Split failed: ${message(e)}`, error: true })
    }
  }

  const exportJsonl = async () => {
    if (!annotator) return
    try {
      const r = await api.exportMeetings({ annotator })
      downloadText(r.fileName, r.content)
      setStatus({ text: `Exported ${r.events} meeting(s) to ${r.fileName}.`, error: false })
    } catch (e) {
      setStatus({ text: `Export failed: ${message(e)}`, error: true })
    }
  }

  return (
    <Modal title="Meetings" onClose={() => setDialog(null)}>
      <div className="meetings">
        {!annotator && <p>Set your annotator name first: the view shows the meetings you linked.</p>}
        {load.kind === 'loading' && annotator && <p role="status">Loading meetings…</p>}
        {load.kind === 'failed' && (
          <p className="error" role="alert">
            Could not list the meetings: {load.message}
          </p>
        )}
        {load.kind === 'ready' && events.length === 0 && (
          <p>No meetings yet. Label a MEETING span and link it to its participants (p) and date (d); it then shows here.</p>
        )}
        {events.length > 0 && (
          <ol className="meeting-timeline" aria-label="Meetings in date order">
            {events.map((e) => (
              <li key={e.id} className="meeting-event" data-event={e.id} data-date={e.date ?? ''} aria-selected={selected.has(e.id)}>
                <label className="meeting-when">
                  <input type="checkbox" checked={selected.has(e.id)} onChange={() => toggle(e.id)} aria-label={`Select ${e.name}`} />
                  <span className="meeting-date" title={e.mentions.find((m) => m.dateHow)?.dateHow ?? ''}>
                    {shownDate(e)}
                  </span>
                  {e.dateText && <span className="meeting-written">“{e.dateText}”</span>}
                </label>
                <div className="meeting-body">
                  <div className="meeting-head">
                    {e.entityId !== null && <strong className="meeting-name">{e.name}</strong>}
                    {e.participants.map((p) => (
                      <span key={`${p.entityId ?? ''}:${p.name}`} className="participant-chip" data-type={p.type} title={p.entityId !== null ? `entity: ${p.name} (${p.type})` : `${p.type}, not linked to an entity`}>
                        {p.name}
                      </span>
                    ))}
                    {e.place && <span className="meeting-place">@ {e.place}</span>}
                    <span className="meeting-count">
                      {e.documents} article{e.documents === 1 ? '' : 's'}
                    </span>
                  </div>
                  <ul className="meeting-mentions">
                    {e.mentions.map((m) => (
                      <li key={m.spanId}>
                        <button
                          type="button"
                          className="meeting-sentence"
                          title={`Open ${m.title} at this meeting`}
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
              Name of the merged event
              <input value={naming} onChange={(ev) => setNaming(ev.target.value)} autoFocus maxLength={200} />
            </label>
            <button type="button" onClick={() => setNaming(null)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={!naming.trim()}>
              Merge
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
        <button type="button" onClick={() => setNaming(chosen.find((e) => e.entityId !== null)?.name ?? `${chosen[0]?.name ?? 'Meeting'} ${chosen[0]?.date ?? ''}`.trim())} disabled={chosen.length < 2}>
          Merge into one event
        </button>
        <button type="button" onClick={() => void split()} disabled={!chosen.some((e) => e.entityId !== null)}>
          Split event
        </button>
        <button type="button" onClick={() => void exportJsonl()} disabled={!annotator || events.length === 0}>
          Export meetings.jsonl
        </button>
        <button type="button" className="primary" onClick={() => setDialog(null)}>
          Close
        </button>
      </div>
    </Modal>
  )
}
