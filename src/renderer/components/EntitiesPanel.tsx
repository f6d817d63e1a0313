import { useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import type { EntityMentionView, EntitySummaryView } from '../../shared/entities-schema'
import { entitiesOf, hoverRule, type EntitiesStore } from '../state/entities'
import { useApi, useApp, useAppStore } from '../state/context'
import { showBidiControls } from '../text/bidi'
import type { LabelStyles } from './Block'
import { EntityPicker } from './EntityPicker'
import { useT } from '../use-t'

/** This window's entities store. */
export function useEntities(): EntitiesStore {
  return entitiesOf(useAppStore(), useApi())
}

/** The label styles of one pane, with its marks' entities (marks carry data-entity). */
export function useEntityLabels(labels: LabelStyles, docId: string): LabelStyles {
  const entityOf = useStore(useEntities(), (s) => s.links[docId])
  return useMemo(() => (entityOf && entityOf.size > 0 ? { ...labels, entityOf } : labels), [labels, entityOf])
}

/**
 * The Entities section of the sidebar: every entity with its mentions per
 * document, a filter box, and the highlight: hovering an entity here, or a
 * linked mark in any pane, lights up all its mentions in every open pane.
 */
export function EntitiesPanel() {
  const store = useEntities()
  const api = useApi()
  const entities = useStore(store, (s) => s.entities)
  const hover = useStore(store, (s) => s.hover)
  const picker = useStore(store, (s) => s.picker)
  const labels = useApp((s) => s.labels)
  const revealRange = useApp((s) => s.revealRange)
  const annotator = useApp((s) => s.annotator)
  const [filter, setFilter] = useState('')
  const [open, setOpen] = useState<number | null>(null)
  const [mentions, setMentions] = useState<EntityMentionView[]>([])
  const t = useT()
  const q = filter.trim().toLocaleLowerCase()
  const shown = q ? entities.filter((e) => e.name.toLocaleLowerCase().includes(q) || e.type.toLowerCase().includes(q)) : entities
  const labelName = (key: string): string => labels.find((l) => l.key === key)?.name ?? key

  useHoverSheet(hover)

  // A linked mark under the mouse in any pane highlights its entity (the panel's rows set it themselves).
  useEffect(() => {
    const onOver = (e: MouseEvent): void => {
      const target = e.target instanceof Element ? e.target : null
      if (!target?.closest('[data-doc-text]')) return
      const mark = target.closest('mark[data-entity]')
      store.getState().setHover(mark ? Number(mark.getAttribute('data-entity')) : null)
    }
    document.addEventListener('mouseover', onOver)
    return () => document.removeEventListener('mouseover', onOver)
  }, [store])

  // The open entity's mentions, refetched when the counts move; not for one merged away meanwhile.
  const openCount = entities.find((e) => e.id === open)?.mentions
  useEffect(() => {
    if (open === null || openCount === undefined) return
    let live = true
    api.getEntity({ id: open }).then(
      (e) => live && setMentions(e.mentions),
      () => live && setMentions([])
    )
    return () => void (live = false)
  }, [api, open, openCount])

  return (
    <div className="entities-panel" role="group" aria-label={t('entities:panel')} data-testid="entities-panel" data-hover-entity={hover ?? undefined}>
      <h2 className="entities-heading">
        {t('entities:heading')} <span className="muted">({entities.length})</span>
      </h2>
      <p className="hint">{t('entities:hint')}</p>
      <input type="search" className="entities-filter" aria-label={t('entities:filter')} placeholder={t('entities:filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul className="entity-list">
        {shown.map((e) => (
          <li
            key={e.id}
            className={hover === e.id ? 'entity-row hover' : 'entity-row'}
            data-testid={`entity-${e.id}`}
            data-entity-name={e.name}
            onMouseEnter={() => store.getState().setHover(e.id)}
            onMouseLeave={() => store.getState().setHover(null)}
          >
            <button type="button" className="entity-name" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
              <span className="entity-title">{showBidiControls(e.name)}</span>
              <span className="entity-type" data-label={e.type}>
                {labelName(e.type)}
              </span>
              <span className="entity-count" data-testid="entity-count">
                {t('entities:mentions', { count: e.mentions })} · {t('entities:documents', { count: e.documents.length })}
              </span>
            </button>
            {open === e.id && <EntityActions store={store} entity={e} others={entities.filter((o) => o.type === e.type && o.id !== e.id)} />}
            {open === e.id && (
              <ul className="entity-mentions">
                {mentions.map((m) => (
                  <li key={m.spanId}>
                    <button type="button" title={`${m.docId} — ${showBidiControls(m.title)} (${m.annotator})`} onClick={(ev) => revealRange(m.docId, m.start, m.end, { newPane: ev.ctrlKey || ev.metaKey })}>
                      <span className="muted">{showBidiControls(m.left)}</span>
                      <strong>{showBidiControls(m.text)}</strong>
                      <span className="muted">{showBidiControls(m.right)}</span>
                      <span className="entity-doc">{m.docId}</span>
                    </button>
                    {m.annotator === annotator && (
                      <button type="button" className="icon-button" aria-label={t('entities:unlink', { text: m.text, docId: m.docId, entity: e.name })} title={t('entities:unlinkTitle')} onClick={() => void store.getState().unlink(m.spanId)}>
                        ×
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {shown.length === 0 && <li className="muted">{entities.length === 0 ? t('entities:none') : t('entities:noMatch')}</li>}
      </ul>
      {picker && <EntityPicker store={store} picker={picker} entities={entities} labelName={labelName(picker.label)} />}
    </div>
  )
}

/**
 * Writes the highlight rule for the hovered entity into a constructed style sheet: the page's
 * Content Security Policy refuses inline <style>, not the CSSOM. Nothing happens where
 * constructed sheets are missing (the component tests' DOM).
 */
function useHoverSheet(hover: number | null): void {
  const sheet = useMemo(() => (typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in document ? new CSSStyleSheet() : null), [])
  useEffect(() => {
    if (!sheet) return
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => void (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet))
  }, [sheet])
  useEffect(() => sheet?.replaceSync(hoverRule(hover)), [sheet, hover])
}

/** Rename an entity, or merge it into another of its type (one made twice by mistake). */
function EntityActions({ store, entity, others }: { store: EntitiesStore; entity: EntitySummaryView; others: EntitySummaryView[] }) {
  const [name, setName] = useState(entity.name)
  const [into, setInto] = useState<number | ''>('')
  const t = useT()
  return (
    <div className="entity-actions">
      <form
        onSubmit={(ev) => {
          ev.preventDefault()
          if (name.trim() && name.trim() !== entity.name) void store.getState().rename(entity.id, name)
        }}
      >
        <input aria-label={t('entities:newName', { entity: entity.name })} value={name} maxLength={200} onChange={(ev) => setName(ev.target.value)} />
        <button type="submit">{t('entities:rename')}</button>
      </form>
      {others.length > 0 && (
        <form
          onSubmit={(ev) => {
            ev.preventDefault()
            if (into !== '') void store.getState().merge(into, entity.id)
          }}
        >
          <select aria-label={t('entities:mergeInto', { entity: entity.name })} value={into} onChange={(ev) => setInto(ev.target.value === '' ? '' : Number(ev.target.value))}>
            <option value="">{t('entities:mergeIntoChoose')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {showBidiControls(o.name)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={into === ''}>
            {t('entities:merge')}
          </button>
        </form>
      )}
    </div>
  )
}
