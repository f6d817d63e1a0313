import { writeWholeFile } from './write-atomically'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { ApiArgs, ApiMethod, ApiResult } from '../../shared/api'
import { annotatorName } from '../../shared/schemas'
import { openOrCreateProject } from '../default-project'
import { createDispatcher } from '../dispatch'
import { defaultProjectPath, prefsPath, rendererDir, seedsDir, userDataDir } from '../paths'
import { PrefsStore } from '../prefs'
import { createApiHandlers } from '../services/api-handlers'
import { BackupService } from '../services/backup-service'
import { ChangeFeed, watchOtherWriters } from '../services/change-feed'
import type { ImportFormat, OffsetUnit } from '../../shared/dataset'
import { Project } from '../store/project'
import { DEFAULT_HOST, hostProblem, hostWarning } from '../web/host'
import { startWebServer, type WebServer } from '../web/http-server'
import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits'
import { apiErrorLines, cliLocale, sayCli } from './render-message'
import { zodMessages, type ApiError } from '../../shared/errors'

/** A problem the user can fix; the CLI prints its message and exits with `status`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status = 1,
    readonly details: string[] = []
  ) {
    super(message)
  }

  /** A refusal of the core, in the person's language (LANG). */
  static from(err: ApiError, status = 1): CliError {
    const { message, details } = apiErrorLines(err)
    return new CliError(message, status, details)
  }
}

export interface Output {
  out(line: string): void
  err(line: string): void
}

export function checkAnnotator(name: string | undefined, required: boolean): string | undefined {
  if (name === undefined) {
    if (required) throw new CliError('Missing --annotator NAME.', 2)
    return undefined
  }
  const parsed = annotatorName.safeParse(name)
  if (!parsed.success) throw new CliError(`--annotator ${JSON.stringify(name)}: ${zodMessages(parsed.error).map((m) => sayCli(m)).join(' ')}`, 2)
  return parsed.data
}

/**
 * A project opened for one command, behind the same handlers and dispatcher as IPC and HTTP:
 * arguments are validated and refused in the same words, and import, export, labels and
 * meetings logic lives once (src/main/services/api-handlers.ts). A refusal becomes a CliError
 * (exit status 2 for invalid arguments unless the command says otherwise, else 1).
 */
export function cliApi(project: Project, o: { invalidArgsStatus?: number } = {}) {
  const dispatch = createDispatcher(createApiHandlers({ project }), () => {})
  return async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
    const r = await dispatch(method, args)
    if (r.ok) return r.result as ApiResult<M>
    throw new CliError(sayCli(r.error.message), r.error.code === 'invalid_args' ? (o.invalidArgsStatus ?? 2) : 1, r.error.details.map((d) => sayCli(d)))
  }
}

export async function importCommand(
  o: { project: string; annotator?: string | undefined; files: string[]; format?: ImportFormat | 'auto' | undefined; offsets?: OffsetUnit | undefined },
  io: Output
): Promise<void> {
  if (o.files.length === 0) throw new CliError('Name at least one .txt or .jsonl file to import.', 2)
  // OUT.jsonl's entities (OUT.entities.jsonl, written beside it by export) come along when they are there.
  const beside = o.files
    .filter((f) => /\.jsonl$/i.test(f) && !/\.entities\.jsonl$/i.test(f))
    .map((f) => entitiesPathFor(f))
    .filter((e) => existsSync(e) && !o.files.some((f) => resolve(f) === resolve(e)))
  for (const e of beside) io.out(`Reading entities from ${e} (beside the file it belongs to).`)
  const files = [...o.files, ...beside].map((f) => {
    try {
      // Refuse an oversized file before reading it whole into memory.
      const size = statSync(f).size
      if (size > MAX_IMPORT_FILE_BYTES) {
        throw new CliError(`${f}: the file is ${size} bytes; the limit for one import file is ${MAX_IMPORT_FILE_BYTES / 1048576} MB. Split it into smaller files. Nothing was imported.`)
      }
      return { name: f, base64: readFileSync(f).toString('base64') }
    } catch (err) {
      if (err instanceof CliError) throw err
      throw new CliError(`Cannot read ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Nothing was imported.`)
    }
  })
  const project = openOrCreateProject(resolve(o.project), null, {}, cliLocale())
  try {
    const call = cliApi(project, { invalidArgsStatus: 1 })
    const result = await call('importFiles', { annotator: o.annotator, files, format: o.format, offsets: o.offsets })
    for (const f of result.files) {
      io.out(`${f.name}: ${f.documents} document(s), ${f.newDocuments} new; ${f.spans} span(s), ${f.newSpans} new`)
    }
    for (const note of result.notes) io.out(`Note: ${sayCli(note)}`)
    io.out(`Imported ${result.newDocuments} new document(s) and ${result.newSpans} new span(s) into ${o.project}.`)
  } finally {
    project.close()
  }
}

export async function exportCommand(
  o: { project: string; annotator: string; out: string; format?: 'spanmark' | 'doccano' | 'prodigy' | undefined; offsets?: OffsetUnit | undefined },
  io: Output
): Promise<void> {
  const file = resolve(o.project)
  if (!existsSync(file)) throw new CliError(`There is no project at ${file}.`)
  const project = Project.open(file)
  const target = resolve(o.out)
  try {
    if (!existsSync(dirname(target))) throw new CliError(`The folder ${dirname(target)} does not exist.`)
    const r = await cliApi(project)('exportJsonl', { annotator: o.annotator, format: o.format, offsets: o.offsets })
    for (const note of r.notes) io.err(note)
    writeWholeFile(target, r.content)
    io.out(`Exported ${r.documents} document(s) and ${r.spans} span(s) of ${o.annotator} to ${o.out}.`)
    if (r.entities) {
      const beside = entitiesPathFor(target)
      writeWholeFile(beside, r.entities.content)
      const n = r.entities.count
      io.out(`Wrote ${n} entit${n === 1 ? 'y' : 'ies'} (the spans' entity_id) to ${beside}.`)
    }
  } finally {
    project.close()
  }
}

/** Where a canonical export's entities go: beside it, named after it (out.jsonl → out.entities.jsonl). */
export function entitiesPathFor(out: string): string {
  return out.replace(/(\.jsonl?)?$/i, '.entities.jsonl')
}

export async function serveCommand(
  o: { project?: string | undefined; port: number; annotator?: string | undefined; host?: string | undefined },
  io: Output
): Promise<{ server: WebServer; project: Project }> {
  const host = o.host ?? DEFAULT_HOST
  const problem = hostProblem(host)
  if (problem) throw new CliError(problem, 2)
  const data = userDataDir()
  const file = o.project ? resolve(o.project) : defaultProjectPath(data)
  const staticDir = rendererDir()
  if (!existsSync(staticDir)) throw new CliError(`The renderer is not built (${staticDir} is missing). Run: npm run build`)
  const project = openOrCreateProject(file, o.project ? null : seedsDir(), {}, cliLocale())
  // A snapshot now (in the background) and every few minutes while it changes; the timer never keeps the process alive.
  const backups = new BackupService(project)
  void backups.start()
  // Live updates: this core's changes, and every second a check for other programs writing to the file.
  const feed = new ChangeFeed()
  const handlers = createApiHandlers({ project, prefs: new PrefsStore(prefsPath(data)), annotator: o.annotator, feed, backups })
  let server: WebServer
  try {
    server = await startWebServer({ dispatch: createDispatcher(handlers), staticDir, port: o.port, host, feed })
  } catch (err) {
    project.close()
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message
    throw new CliError(`Cannot listen on ${host} port ${o.port}: ${code}. Choose another --port, or a --host address this machine has.`)
  }
  const warning = hostWarning(host, server.port)
  if (warning) io.err(`spanmark: ${warning}`)
  io.out(`Spanmark web mode for ${file}: open ${server.url}`)
  const stopWatching = watchOtherWriters(project, feed)
  const started = server
  return {
    server: {
      ...started,
      close: () => {
        stopWatching()
        return started.close()
      }
    },
    project
  }
}
