import { useState, type KeyboardEvent } from 'react'
import type { EntitySummaryView } from '../../shared/entities-schema'
import { matchEntities, type EntitiesState, type EntitiesStore } from '../state/entities'
import { showBidiControls } from '../text/bidi'
import { Modal } from './Modal'
import { Trans } from 'react-i18next'
import { useT } from '../use-t'

interface PickerProps {
  store: EntitiesStore
  picker: NonNullable<EntitiesState['picker']>
  entities: readonly EntitySummaryView[]
  labelName: string
}

/**
 * The type-ahead opened by e on a selected span: the input starts as the span's
 * text; entities of the span's label that match are listed; Enter links the
 * highlighted one, or creates an entity with the typed name; Escape cancels.
 */
export function EntityPicker({ store, picker, entities, labelName }: PickerProps) {
  const [query, setQuery] = useState(picker.text)
  const [cursor, setCursor] = useState(0)
  const t = useT()
  const matches = matchEntities(entities, picker.label, query).slice(0, 8)
  const name = query.replace(/\s+/g, ' ').trim()
  const exact = matches.some((m) => m.name === name)
  // The rows: the matches, then "create" unless an entity already has the typed name.
  const rows: ({ kind: 'entity'; entity: EntitySummaryView } | { kind: 'create' })[] = [
    ...matches.map((entity) => ({ kind: 'entity' as const, entity })),
    ...(name && !exact ? [{ kind: 'create' as const }] : [])
  ]
  const at = Math.min(cursor, Math.max(0, rows.length - 1))
  const choose = (i: number): void => {
    const row = rows[i]
    if (!row) return
    void store.getState().pick(row.kind === 'entity' ? { entityId: row.entity.id } : { name })
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setCursor(Math.max(0, Math.min(rows.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1))))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      choose(at)
    }
  }

  return (
    <Modal title={t('entities:picker.title', { text: showBidiControls(picker.text) })} onClose={() => store.getState().closePicker()}>
      <div className="entity-picker" data-testid="entity-picker">
        <input
          aria-label={t('entities:picker.input', { label: labelName })}
          value={query}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            setQuery(e.target.value)
            setCursor(0)
          }}
          onKeyDown={onKeyDown}
          maxLength={200}
        />
        <ul role="listbox" aria-label={t('entities:picker.list')}>
          {rows.map((row, i) => (
            <li
              key={row.kind === 'entity' ? row.entity.id : 'create'}
              role="option"
              aria-selected={i === at}
              className={i === at ? 'entity-option current' : 'entity-option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              {row.kind === 'entity' ? (
                <>
                  {showBidiControls(row.entity.name)} <span className="muted">{t('entities:mentions', { count: row.entity.mentions })}</span>
                </>
              ) : (
                <>
                  <Trans
                    t={t}
                    i18nKey="entities:picker.create"
                    values={{ name: showBidiControls(name), label: labelName }}
                    components={{ strong: <strong />, muted: <span className="muted" /> }}
                  />
                </>
              )}
            </li>
          ))}
          {rows.length === 0 && <li className="muted">{t('entities:picker.typeName')}</li>}
        </ul>
        <p className="hint">{t('entities:picker.hint')}</p>
      </div>
    </Modal>
  )
}
