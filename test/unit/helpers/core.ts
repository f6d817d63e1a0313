import { join } from 'node:path'
import { openOrCreateProject } from '../../../src/main/default-project'
import { createDispatcher } from '../../../src/main/dispatch'
import { PrefsStore } from '../../../src/main/prefs'
import { createApiHandlers } from '../../../src/main/services/api-handlers'
import { tempDir } from './temp-project'
import { english } from './english'

/** The real core over a real seeded project in a temp dir, as the transports use it. */
export function tempCore(options: { annotator?: string; seeds?: boolean } = {}) {
  const t = tempDir()
  const seeds = options.seeds === false ? null : join(__dirname, '..', '..', '..', 'seeds')
  const project = openOrCreateProject(join(t.dir, 'p.sqlite'), seeds)
  const prefs = new PrefsStore(join(t.dir, 'preferences.json'))
  const handlers = createApiHandlers({ project, prefs, annotator: options.annotator })
  const logged: unknown[] = []
  const dispatch = createDispatcher(handlers, (e) => logged.push(e))
  /** Calls a method that must succeed; a refusal fails the test with its code and message. */
  async function call<T>(method: string, args: unknown): Promise<T> {
    const r = await dispatch(method, args)
    if (!r.ok) throw new Error(`${r.error.code}: ${english(r.error).message}`)
    return r.result as T
  }
  return {
    ...t,
    project,
    prefs,
    dispatch,
    call,
    logged,
    cleanup() {
      project.close()
      t.cleanup()
    }
  }
}
