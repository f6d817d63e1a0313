import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'

/**
 * Writes a file the CLI produces under a `.partial` name, syncs it, then renames it over the
 * target, so a crash or a full disk never leaves a half-written file where the user expects one.
 * A write that fails removes its partial file and leaves the target as it was.
 */
export function writeAtomically<T>(target: string, write: (sink: (line: string) => void) => T): T {
  const tmp = `${target}.${process.pid}.partial`
  const fd = openSync(tmp, 'w')
  let result: T
  try {
    try {
      result = write((line) => writeSync(fd, line))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch (err) {
    rmSync(tmp, { force: true }) // a failed write leaves neither a partial file nor a changed target
    throw err
  }
  renameSync(tmp, target)
  return result
}

/** The same for content already in memory. */
export function writeWholeFile(target: string, content: string): void {
  writeAtomically(target, (sink) => sink(content))
}
