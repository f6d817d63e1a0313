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
  return `Spanmark could not open its data folder ${dataDir}.\n\n${message}`
}
