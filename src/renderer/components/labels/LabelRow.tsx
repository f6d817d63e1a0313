import { useState, type CSSProperties } from 'react'
import { checkKey } from '../../../shared/labels/rules'
import type { LabelInfo } from '../../../shared/labels-schema'
import { useT } from '../../use-t'

interface LabelRowProps {
  label: LabelInfo
  labels: readonly LabelInfo[]
  first: boolean
  last: boolean
  busy: boolean
  onEdit(): void
  onMove(by: -1 | 1): void
  onRetire(retired: boolean): void
  /** Resolves with the server's refusal message, or null when renamed. */
  onRename(newKey: string): Promise<string | null>
}

/** One label of the Labels screen: what it is and how much it is used, with its actions (and the key rename, confirmed). */
export function LabelRow({ label: l, labels, first, last, busy, onEdit, onMove, onRetire, onRename }: LabelRowProps) {
  const t = useT()
  const [renaming, setRenaming] = useState(false)
  const [newKey, setNewKey] = useState('')
  const [refusal, setRefusal] = useState<string | null>(null)
  const problem = newKey === '' ? null : checkKey(newKey)
  const taken = labels.some((x) => x.key === newKey && x.key !== l.key)
  const problemText = problem
    ? t('labels:problem.keyFormat', { key: newKey })
    : taken
      ? t('labels:problem.keyTaken', { key: newKey })
      : newKey === l.key
        ? t('labels:problem.keySame')
        : null
  const ok = newKey !== '' && problemText === null

  return (
    <li className={l.retired ? 'label-row retired' : 'label-row'} style={{ '--label-color': l.color } as CSSProperties} data-key={l.key}>
      <div className="label-row-main">
        <span className="swatch big" aria-hidden="true" />
        <span className="label-row-name">{l.name}</span>
        <code>{l.key}</code>
        {l.retired ? <span className="retired-badge">{t('labels:screen.retired')}</span> : <kbd title={t('labels:form.hotkey')}>{l.hotkey}</kbd>}
        <span className="muted label-row-count">{t('labels:screen.spans', { count: l.spans })}</span>
        <span className="spacer" />
        <span className="label-row-actions">
          <button type="button" className="small-button" disabled={busy} aria-label={t('labels:screen.editName', { name: l.name })} onClick={onEdit}>
            {t('labels:screen.edit')}
          </button>
          <button type="button" className="small-button" data-move="up" disabled={busy || first} aria-label={t('labels:screen.upName', { name: l.name })} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="small-button" data-move="down" disabled={busy || last} aria-label={t('labels:screen.downName', { name: l.name })} onClick={() => onMove(1)}>
            ↓
          </button>
          <button
            type="button"
            className="small-button"
            disabled={busy}
            aria-label={t('labels:screen.renameName', { name: l.name })}
            aria-expanded={renaming}
            onClick={() => {
              setRenaming(!renaming)
              setNewKey('')
              setRefusal(null)
            }}
          >
            {t('labels:screen.rename')}
          </button>
          <button
            type="button"
            className="small-button"
            disabled={busy}
            aria-label={l.retired ? t('labels:screen.unretireName', { name: l.name }) : t('labels:screen.retireName', { name: l.name })}
            onClick={() => onRetire(!l.retired)}
          >
            {l.retired ? t('labels:screen.unretire') : t('labels:screen.retire')}
          </button>
        </span>
      </div>
      <p className="label-row-guideline muted">{l.guideline || t('labels:screen.noGuideline')}</p>
      {renaming && (
        <form
          className="rename-key"
          aria-label={t('labels:renameKey.title', { key: l.key })}
          onSubmit={(e) => {
            e.preventDefault()
            if (!ok) return
            void onRename(newKey).then((refused) => {
              setRefusal(refused)
              if (!refused) setRenaming(false)
            })
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              setRenaming(false)
            }
          }}
        >
          <label className="field">
            {t('labels:renameKey.newKey', { key: l.key })}
            <input value={newKey} autoFocus spellCheck={false} aria-invalid={problemText !== null} onChange={(e) => setNewKey(e.target.value.toUpperCase())} />
          </label>
          {problemText && (
            <span className="field-error" role="alert">
              {problemText}
            </span>
          )}
          <p role="status">{ok ? t('labels:renameKey.confirm', { count: l.spans, key: l.key, newKey }) : t('labels:renameKey.typeKey')}</p>
          {refusal && (
            <p className="error" role="alert">
              {refusal}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" onClick={() => setRenaming(false)}>
              {t('labels:renameKey.cancel')}
            </button>
            <button type="submit" className="primary" disabled={!ok || busy}>
              {t('labels:renameKey.apply')}
            </button>
          </div>
        </form>
      )}
    </li>
  )
}
