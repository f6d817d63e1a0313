import { useId, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import { formatCombo, isMacPlatform, keyNameId, SHORTCUT_SCOPES, SHORTCUTS, type Shortcut, type ShortcutScope } from '../../shared/shortcut-table'
import { useApi, useApp, useAppStore } from '../state/context'
import { relationsOf } from '../state/relations'
import { useT } from '../use-t'
import { Modal } from './Modal'

interface Row {
  id: string
  keys: string[]
  does: string
}

const MAC = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform || navigator.userAgent)

/**
 * The cheat sheet (? key): every shortcut of the shortcut table, grouped by where it works, in the
 * current language; label and link-role keys are the project's. A filter narrows the list.
 */
export function ShortcutsDialog() {
  const t = useT()
  const setDialog = useApp((s) => s.setDialog)
  const labels = useApp((s) => s.labels)
  const roles = useStore(relationsOf(useAppStore(), useApi()), (s) => s.roles)
  const [query, setQuery] = useState('')
  const filterId = useId()

  const groups = useMemo(() => {
    const keyName = (key: string): string => t(`shortcuts:keyNames.${keyNameId(key)}` as 'shortcuts:keyNames.Enter')
    const rowsOf = (s: Shortcut): Row[] => {
      if (s.dynamic === 'labels' && labels.length > 0) {
        return labels.map((l) => ({ id: `label-${l.key}`, keys: [l.hotkey.toUpperCase()], does: t('shortcuts:does.labelAs', { name: l.name }) }))
      }
      if (s.dynamic === 'roles' && roles.length > 0) {
        return roles.map((r) => ({ id: `role-${r.name}`, keys: [r.hotkey.toUpperCase()], does: t('shortcuts:does.linkAs', { name: r.name }) }))
      }
      return [{ id: s.id, keys: s.keys.map((c) => formatCombo(c, MAC, keyName)), does: t(`shortcuts:does.${s.does}` as 'shortcuts:does.undo') }]
    }
    const needle = query.trim().toLowerCase()
    const byScope = new Map<ShortcutScope, Row[]>()
    for (const s of SHORTCUTS as readonly Shortcut[]) {
      const rows = rowsOf(s).filter((r) => !needle || `${r.keys.join(' ')} ${r.does}`.toLowerCase().includes(needle))
      if (rows.length > 0) byScope.set(s.scope, [...(byScope.get(s.scope) ?? []), ...rows])
    }
    return SHORTCUT_SCOPES.filter((scope) => byScope.has(scope)).map((scope) => ({ scope, rows: byScope.get(scope) ?? [] }))
  }, [labels, roles, query, t])

  return (
    <Modal title={t('shortcuts:title')} onClose={() => setDialog(null)}>
      <div className="shortcuts-sheet" data-testid="shortcuts-sheet">
        <label className="field" htmlFor={filterId}>
          {t('shortcuts:filter')}
        </label>
        <input id={filterId} type="search" value={query} placeholder={t('shortcuts:filterPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
        <p className="hint">{t('shortcuts:hint')}</p>
        <div className="shortcuts-groups" tabIndex={0} role="region" aria-label={t('shortcuts:title')}>
          {groups.length === 0 && <p role="status">{t('shortcuts:noMatch', { query })}</p>}
          {groups.map(({ scope, rows }) => (
            <table key={scope} className="shortcuts-table" data-scope={scope}>
              <caption>{t(`shortcuts:scopes.${scope}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('shortcuts:keysHeader')}</th>
                  <th scope="col">{t('shortcuts:actionHeader')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-shortcut={r.id}>
                    <td className="shortcut-keys">
                      {r.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && ' / '}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </td>
                    <td>{r.does}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
        <div className="modal-actions">
          <button type="button" onClick={() => setDialog(null)}>
            {t('common:close')}
          </button>
        </div>
      </div>
    </Modal>
  )
}
