import { basename } from 'node:path'
import type { Dialog } from 'electron'
import { DamagedProjectError } from '../store/backups-health'
import { restoreProjectFile } from '../store/backups-restore'
import type { Project } from '../store/project'

/**
 * The text of the dialog shown when the app cannot start. The likely cause in a
 * development checkout is better-sqlite3 built for Node instead of Electron, so
 * that case says how to fix it.
 */
export function startupErrorMessage(err: unknown, dataDir: string): string {
  const message = err instanceof Error ? err.message : String(err)
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(message)) {
    return [
      'The SQLite module (better-sqlite3) was built for Node.js, not for Electron.',
      'Start Spanmark with "npm start": it first builds an Electron copy into .electron-abi/ (node scripts/prepare-electron-sqlite.mjs).',
      '',
      message
    ].join('\n')
  }
  // Already says which file, what is wrong and what to do.
  if (err instanceof DamagedProjectError) return message
  return `Spanmark could not open its data folder ${dataDir}.\n\n${message}`
}

/**
 * Opens the project; when it is damaged and a good backup exists, asks whether
 * to restore that backup (the damaged file is moved aside, unchanged) and then
 * opens it. Resolves null when the person chooses Quit. Any other failure, or
 * a damaged project without a backup, is thrown for the startup error box.
 */
export async function openOrOfferRestore(
  dialog: Pick<Dialog, 'showMessageBox'>,
  open: () => Project,
  nativeBinding?: string
): Promise<Project | null> {
  try {
    return open()
  } catch (err) {
    if (!(err instanceof DamagedProjectError) || !err.newestBackup) throw err
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Spanmark',
      message: `The project ${basename(err.file)} is damaged and cannot be opened.`,
      detail: err.message,
      buttons: ['Restore newest backup', 'Quit'],
      defaultId: 0,
      cancelId: 1,
      noLink: true
    })
    if (response !== 0) return null
    await restoreProjectFile(err.file, err.newestBackup.file, true, { nativeBinding })
    return open()
  }
}
