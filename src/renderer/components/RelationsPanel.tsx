import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import type { Relation } from '../../shared/relations-schema'
import type { LoadedDoc } from '../state/doc-state'
import type { RelationsStore } from '../state/relations'
import { Trans } from 'react-i18next'
import { useT } from '../use-t'

interface RelationsPanelProps {
  docId: string
  loaded: LoadedDoc
  selectedId: number | null
  relations: RelationsStore
}

/**
 * The selected span's links (a meeting's participants, date, place), under the
 * pane header: each with a delete button; hovering one highlights both its ends
 * in the text (data-linked on their marks). Also says when link mode waits for
 * a click, and which keys start a link.
 */
export function RelationsPanel({ docId, loaded, selectedId, relations }: RelationsPanelProps) {
  const links = useStore(relations, (s) => s.byDoc[docId])
  const roles = useStore(relations, (s) => s.roles)
  const linking = useStore(relations, (s) => (s.linking?.docId === docId ? s.linking : null))
  const hover = useStore(relations, (s) => (s.hover?.docId === docId ? s.hover : null))
  const ref = useRef<HTMLDivElement>(null)
  const t = useT()

  useEffect(() => {
    const pane = ref.current?.closest('.pane')
    if (!pane || !hover) return
    const marked: Element[] = []
    for (const [id, end] of [
      [hover.from, 'from'],
      [hover.to, 'to']
    ] as const) {
      for (const mark of pane.querySelectorAll(`mark[data-span-id="${id}"]`)) {
        mark.setAttribute('data-linked', end)
        marked.push(mark)
      }
    }
    return () => {
      for (const mark of marked) mark.removeAttribute('data-linked')
    }
  }, [hover])

  const text = (spanId: number): string => {
    const span = loaded.spans.get(spanId)
    if (!span) return t('pane:relations.span', { id: spanId })
    return loaded.doc.text.slice(loaded.map.toUtf16(span.start), loaded.map.toUtf16(span.end)).replace(/\s+/g, ' ')
  }
  const roleName = (type: string): string => roles.find((r) => r.type === type)?.name ?? type

  if (linking) {
    return (
      <div className="relations-panel linking" ref={ref} role="status" data-testid="relations-panel">
        <Trans
          t={t}
          i18nKey="pane:relations.linking"
          values={{ text: text(linking.from), role: linking.role.name.toLowerCase() }}
          components={{ kbd: <kbd /> }}
        />
      </div>
    )
  }
  const selected = selectedId === null ? undefined : loaded.spans.get(selectedId)
  if (!selected || selectedId === null) return null
  const mine = (links ?? []).filter((r) => r.from === selectedId || r.to === selectedId)
  const startable = roles.filter((r) => r.fromLabels.length === 0 || r.fromLabels.includes(selected.label))
  if (mine.length === 0 && startable.length === 0) return null

  const row = (r: Relation) => {
    const outgoing = r.from === selectedId
    const words = outgoing ? t('pane:relations.outgoing', { role: roleName(r.type), text: text(r.to) }) : t('pane:relations.incoming', { role: roleName(r.type), text: text(r.from) })
    return (
      <li
        key={r.id}
        data-relation-id={r.id}
        data-relation-type={r.type}
        onMouseEnter={() => relations.getState().setHover({ docId, from: r.from, to: r.to })}
        onMouseLeave={() => relations.getState().setHover(null)}
      >
        <span className="relation-words">{words}</span>
        <button type="button" className="icon-button" aria-label={t('pane:relations.delete', { words })} title={t('pane:relations.deleteTitle')} onClick={() => void relations.getState().remove(r.id)}>
          ×
        </button>
      </li>
    )
  }

  return (
    <div className="relations-panel" ref={ref} data-testid="relations-panel" aria-label={t('pane:relations.panel')}>
      {mine.length > 0 ? <ul>{mine.map(row)}</ul> : <span className="relations-empty">{t('pane:relations.none')}</span>}
      {startable.length > 0 && (
        <span className="relations-keys">
          {startable.map((r) => (
            <span key={r.type}>
              <kbd>{r.hotkey}</kbd> {r.name.toLowerCase()}
            </span>
          ))}
        </span>
      )}
    </div>
  )
}
