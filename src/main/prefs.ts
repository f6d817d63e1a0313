import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { annotatorName } from '../shared/schemas'

const prefsSchema = z.object({ annotator: annotatorName.optional(), trimParticles: z.boolean().optional(), snapWords: z.boolean().optional() })
export type Prefs = z.output<typeof prefsSchema>

/** Where preferences are read and written: a PrefsStore, or memoryPrefs(). */
export type PrefsAccess = Pick<PrefsStore, 'read' | 'update'>

/** Preferences that live as long as the process: a command-line run never changes the user's saved ones. */
export function memoryPrefs(initial: Prefs = {}): PrefsAccess {
  let prefs = { ...initial }
  return { read: () => ({ ...prefs }), update: (patch) => (prefs = { ...prefs, ...patch }) }
}

/** The user's own preferences (the annotator name, particle trimming), kept in the user data folder, not in a project. */
export class PrefsStore {
  constructor(private readonly file: string) {}

  read(): Prefs {
    try {
      const parsed = prefsSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data : {}
    } catch {
      return {}
    }
  }

  update(patch: Prefs): Prefs {
    const next = { ...this.read(), ...patch }
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify(next, null, 2) + '\n')
    renameSync(tmp, this.file)
    return next
  }
}
