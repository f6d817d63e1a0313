import { useEffect, useRef, useState } from 'react'
import type { LabelInfo } from '../../../shared/labels-schema'
import { downloadText } from '../../files'
import { useApi, useApp, useAppStore } from '../../state/context'
import { applyLabels, renameShownSpans } from '../../state/label-schema'
import { useT } from '../../use-t'
import { useUiText } from '../../ui-text'
import { FailureResult, toFailure, type Failure } from '../FailureResult'
import { Modal } from '../Modal'
import { LabelForm, type LabelFields } from './LabelForm'
import { LabelRow } from './LabelRow'

/**
 * The Labels screen (issue 10): the project's labels in order with their usage;
 * add, edit, reorder, retire and rename keys; export and import the schema.
 * Every change is one call to the core, which checks it again.
 */
export function LabelsDialog() {
  const t = useT()
  const show = useUiText()
  const api = useApi()
  const store = useAppStore()
  const setDialog = useApp((s) => s.setDialog)
  const [rows, setRows] = useState<LabelInfo[] | null>(null)
  const [roleHotkeys, setRoleHotkeys] = useState<string[]>([])
  const [editing, setEditing] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    let live = true
    void Promise.all([api.listLabels({}), api.listRelationRoles({})])
      .then(([labels, roles]) => {
        if (!live) return
        setRows(labels)
        setRoleHotkeys(roles.map((r) => r.hotkey))
      })
      .catch((err: unknown) => live && setFailure(toFailure(err)))
    return () => {
      live = false
    }
  }, [api])

  /** Runs one change; on success shows the labels it returns everywhere and says what was done. */
  const run = async (change: () => Promise<{ labels: LabelInfo[] }>, done: (labels: LabelInfo[]) => string): Promise<string | null> => {
    setBusy(true)
    setFailure(null)
    setNotice(null)
    try {
      const r = await change()
      setRows(r.labels)
      applyLabels(store, r.labels)
      setNotice(done(r.labels))
      return null
    } catch (err) {
      const f = toFailure(err)
      setFailure(f)
      return show(f.message)
    } finally {
      setBusy(false)
    }
  }

  const save = (label: LabelInfo | null, f: LabelFields): Promise<string | null> =>
    run(
      () =>
        label
          ? api.editLabel({ key: label.key, name: f.name, color: f.color, hotkey: f.hotkey, guideline: f.guideline, crossParagraphs: f.crossParagraphs === true })
          : api.addLabel({ key: f.key, name: f.name, color: f.color, hotkey: f.hotkey, guideline: f.guideline, crossParagraphs: f.crossParagraphs === true }),
      () => (label ? t('labels:done.edited', { name: f.name, key: label.key }) : t('labels:done.added', { name: f.name, key: f.key }))
    ).then((refused) => {
      if (!refused) setEditing(null)
      return refused
    })

  const move = (index: number, by: -1 | 1): void => {
    if (!rows) return
    const keys = rows.map((l) => l.key)
    const [key] = keys.splice(index, 1)
    if (key === undefined) return
    keys.splice(index + by, 0, key)
    const name = rows[index]?.name ?? key
    void run(() => api.reorderLabels({ keys }), () => t('labels:done.moved', { name })).then(() => {
      // Keep the keyboard where it was: on the same label's button in its new place.
      const row = document.querySelector(`.label-row[data-key="${CSS.escape(key)}"]`)
      const same = row?.querySelector<HTMLButtonElement>(`button[data-move="${by < 0 ? 'up' : 'down'}"]:not(:disabled)`)
      ;(same ?? row?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)'))?.focus()
    })
  }

  const exportSchema = async (): Promise<void> => {
    try {
      const r = await api.exportLabelSchema({})
      downloadText(r.fileName, r.content, 'application/json')
      setNotice(t('labels:done.exported', { file: r.fileName }))
    } catch (err) {
      setFailure(toFailure(err))
    }
  }

  const importSchema = async (file: File): Promise<void> => {
    const content = await file.text()
    let counts = { added: 0, updated: 0 }
    await run(
      async () => {
        const r = await api.importLabelSchema({ name: file.name, content })
        counts = { added: r.added.length, updated: r.updated.length }
        // Roles may have new hotkeys.
        setRoleHotkeys((await api.listRelationRoles({})).map((x) => x.hotkey))
        return r
      },
      () => t('labels:schema.imported', { file: file.name, ...counts })
    )
    if (fileInput.current) fileInput.current.value = ''
  }

  const editingLabel = rows?.find((l) => l.key === editing) ?? null
  return (
    <Modal title={t('labels:screen.title')} onClose={() => !busy && setDialog(null)}>
      <div className="labels-screen">
        <p className="muted">{t('labels:screen.intro')}</p>
        {rows === null && !failure && <p>{t('labels:screen.loading')}</p>}
        {rows && (
          <ul className="labels-list" aria-label={t('labels:screen.list')}>
            {rows.map((l, i) =>
              editing === l.key && editingLabel ? (
                <li key={l.key} className="label-row editing">
                  <LabelForm label={editingLabel} labels={rows} roleHotkeys={roleHotkeys} onSave={(f) => save(editingLabel, f)} onCancel={() => setEditing(null)} />
                </li>
              ) : (
                <LabelRow
                  key={l.key}
                  label={l}
                  labels={rows}
                  first={i === 0}
                  last={i === rows.length - 1}
                  busy={busy}
                  onEdit={() => setEditing(l.key)}
                  onMove={(by) => move(i, by)}
                  onRetire={(retired) =>
                    void run(
                      () => api.setLabelRetired({ key: l.key, retired }),
                      () => (retired ? t('labels:done.retired', { name: l.name }) : t('labels:done.unretired', { name: l.name }))
                    )
                  }
                  onRename={(newKey) =>
                    run(
                      () => api.renameLabelKey({ key: l.key, newKey }),
                      () => {
                        renameShownSpans(store, l.key, newKey)
                        return t('labels:done.renamed', { key: l.key, newKey, count: l.spans })
                      }
                    )
                  }
                />
              )
            )}
          </ul>
        )}
        {rows && editing === '' && (
          <LabelForm label={null} labels={rows} roleHotkeys={roleHotkeys} onSave={(f) => save(null, f)} onCancel={() => setEditing(null)} />
        )}
        {rows && editing !== '' && (
          <button type="button" className="small-button primary" disabled={busy} onClick={() => setEditing('')}>
            {t('labels:screen.add')}
          </button>
        )}
        <section className="schema-files" aria-labelledby="labels-schema-title">
          <h3 id="labels-schema-title">{t('labels:schema.title')}</h3>
          <p className="muted">{t('labels:schema.help')}</p>
          <button type="button" className="small-button" disabled={busy} onClick={() => void exportSchema()}>
            {t('labels:schema.export')}
          </button>{' '}
          <label className="small-button file-button">
            {t('labels:schema.import')}
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0]
                if (file) void importSchema(file)
              }}
            />
          </label>
        </section>
        {notice && (
          <p className="result" role="status">
            {notice}
          </p>
        )}
        {failure && <FailureResult failure={failure} />}
        <div className="modal-actions">
          <button type="button" disabled={busy} onClick={() => setDialog(null)}>
            {t('labels:screen.close')}
          </button>
        </div>
      </div>
    </Modal>
  )
}
