import { useEffect, useState } from 'react'
import type { BackupList, BackupSummary } from '../../shared/api'
import { useApi, useApp } from '../state/context'
import { Modal } from './Modal'

type Phase =
  | { kind: 'loading' }
  | { kind: 'list' }
  | { kind: 'confirm'; backup: BackupSummary }
  | { kind: 'working'; message: string }
  | { kind: 'restored'; backup: BackupSummary; undo: BackupSummary }
  | { kind: 'failed'; message: string }

const REASONS: Record<BackupSummary['reason'], string> = {
  open: 'When opened',
  auto: 'While editing',
  manual: 'By hand',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
  'before-merge': 'Before a merge'
}

const count = (n: number | null, noun: string): string => `${n ?? '?'} ${noun}${n === 1 ? '' : 's'}`
const when = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * File → Restore from backup…: the project's snapshots (newest first) and, after
 * a confirmation, replacing the whole project with one. The state it replaces
 * is saved as a backup first; the page then reloads everything from the project.
 */
export function RestoreDialog() {
  const api = useApi()
  const setDialog = useApp((s) => s.setDialog)
  const [list, setList] = useState<BackupList | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const busy = phase.kind === 'working' || phase.kind === 'restored'

  const load = async (select?: string): Promise<void> => {
    try {
      const result = await api.listBackups({})
      setList(result)
      setChosen(select ?? result.backups.find((b) => b.problem === null)?.name ?? null)
      setPhase({ kind: 'list' })
    } catch (err) {
      setPhase({ kind: 'failed', message: err instanceof Error ? err.message : String(err) })
    }
  }

  useEffect(() => {
    // Once, when the dialog opens.
    void load()
  }, [])

  const backupNow = async (): Promise<void> => {
    setPhase({ kind: 'working', message: 'Backing up…' })
    try {
      const made = await api.backupNow({})
      await load(made.name)
    } catch (err) {
      setPhase({ kind: 'failed', message: err instanceof Error ? err.message : String(err) })
    }
  }

  const restore = async (backup: BackupSummary): Promise<void> => {
    setPhase({ kind: 'working', message: 'Restoring…' })
    try {
      const result = await api.restoreBackup({ name: backup.name })
      setPhase({ kind: 'restored', backup: result.restored, undo: result.undo })
      // Everything shown (documents, spans, panes) is read again from the restored project.
      window.location.reload()
    } catch (err) {
      setPhase({ kind: 'failed', message: err instanceof Error ? err.message : String(err) })
    }
  }

  const selected = list?.backups.find((b) => b.name === chosen) ?? null

  return (
    <Modal title="Restore from backup" onClose={() => !busy && setDialog(null)}>
      <p>
        Spanmark keeps the newest {list?.keep ?? 10} snapshots of this project: one when it opens and one every few minutes while it
        changes. Restoring replaces the whole project (every layer, the gold spans and the history) with the snapshot you choose; the
        current state is saved as a backup first, so a restore can be undone.
      </p>
      {phase.kind === 'loading' && <p>Loading the backups…</p>}
      {list && list.backups.length === 0 && <p role="status">There are no backups yet. Take one with “Back up now”.</p>}
      {list && list.backups.length > 0 && (
        <table className="scores" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col" aria-label="Choose" />
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">Documents</th>
              <th scope="col">Spans</th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.name} data-testid={`backup-${b.name}`}>
                <td>
                  <input
                    type="radio"
                    name="backup"
                    aria-label={`Backup taken ${when(b.at)}`}
                    checked={chosen === b.name}
                    disabled={b.problem !== null || busy}
                    onChange={() => {
                      setChosen(b.name)
                      setPhase({ kind: 'list' })
                    }}
                  />
                </td>
                <td>{when(b.at)}</td>
                <td>{REASONS[b.reason]}</td>
                <td>{size(b.bytes)}</td>
                {b.problem === null ? (
                  <>
                    <td>{b.documents}</td>
                    <td>{b.spans}</td>
                  </>
                ) : (
                  <td colSpan={2} className="error" title={b.problem}>
                    Unreadable
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list && <p className="muted">Folder: {list.folder}</p>}
      {phase.kind === 'confirm' && (
        <p className="result" role="alert">
          Replace this project with the snapshot taken <strong>{when(phase.backup.at)}</strong> ({count(phase.backup.documents, 'document')},{' '}
          {count(phase.backup.spans, 'span')})? The current state is saved as a backup first.
        </p>
      )}
      {phase.kind === 'working' && (
        <div className="progress">
          <progress aria-label="Backup progress" />
          <span>{phase.message}</span>
        </div>
      )}
      {phase.kind === 'restored' && (
        <p className="result" role="status">
          Restored the snapshot taken {when(phase.backup.at)}. The state it replaced is backup {phase.undo.name}. Reloading…
        </p>
      )}
      {phase.kind === 'failed' && (
        <p className="result error" role="alert">
          {phase.message}
        </p>
      )}
      <div className="modal-actions">
        {phase.kind === 'confirm' ? (
          <>
            <button type="button" onClick={() => setPhase({ kind: 'list' })}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void restore(phase.backup)}>
              Restore
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => void backupNow()} disabled={busy || phase.kind === 'loading'}>
              Back up now
            </button>
            <span className="spacer" />
            <button type="button" onClick={() => setDialog(null)} disabled={busy}>
              Close
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => selected && setPhase({ kind: 'confirm', backup: selected })}
              disabled={!selected || busy}
            >
              Restore…
            </button>
          </>
        )}
      </div>
    </Modal>
  )
}
