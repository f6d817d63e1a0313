import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { appRoot } from './paths'

/** Spanmark's version, from its package.json. */
export function toolVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
