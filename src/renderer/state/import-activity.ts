import { createStore } from 'zustand/vanilla'
import type { ImportFile } from '../../shared/api'
import { toBase64 } from '../files'

/** Imports under way anywhere in the page (the Import dialog, files dropped on the window). */
export const importActivity = createStore<{ running: number }>(() => ({ running: 0 }))

/** Runs an import, counted as running meanwhile (the desktop app then asks before closing). */
export async function whileImporting<T>(work: () => Promise<T>): Promise<T> {
  importActivity.setState((s) => ({ running: s.running + 1 }))
  try {
    return await work()
  } finally {
    importActivity.setState((s) => ({ running: s.running - 1 }))
  }
}

/** Files the importer takes: .txt (one document each) and .jsonl. */
export function isImportable(name: string): boolean {
  return /\.(txt|jsonl)$/i.test(name)
}

export interface ReadProgress {
  /** 1-based number of the file being read, of `total`. */
  current: number
  total: number
  name: string
  /** Lines and bytes read so far, all files together. */
  lines: number
  bytes: number
}

/** Reads files for api.importFiles, reporting each file as it is read. */
export async function readImportFiles(files: readonly File[], onProgress: (p: ReadProgress) => void = () => {}): Promise<ImportFile[]> {
  const payload: ImportFile[] = []
  let lines = 0
  let bytes = 0
  for (const [i, file] of files.entries()) {
    onProgress({ current: i + 1, total: files.length, name: file.name, lines, bytes })
    const data = new Uint8Array(await file.arrayBuffer())
    for (const b of data) if (b === 10) lines++
    if (data.length > 0 && data[data.length - 1] !== 10) lines++
    bytes += data.length
    payload.push({ name: file.name, base64: toBase64(data) })
    onProgress({ current: i + 1, total: files.length, name: file.name, lines, bytes })
  }
  return payload
}

/** A byte count for people: 512 B, 3.4 KB, 1.2 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / (1024 * 1024)).toFixed(1)} MB`
}
