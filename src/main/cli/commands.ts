import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ApiError } from '../../shared/errors'
import { annotatorName } from '../../shared/schemas'
import { openOrCreateProject } from '../default-project'
import { createDispatcher } from '../dispatch'
import { defaultProjectPath, prefsPath, rendererDir, seedsDir, userDataDir } from '../paths'
import { PrefsStore } from '../prefs'
import { createApiHandlers } from '../services/api-handlers'
import { exportLayer, exportLayerAs } from '../services/export-service'
import type { ImportFormat, OffsetUnit } from '../../shared/dataset'
import { importFiles } from '../services/import-service'
import { Project } from '../store/project'
import { startWebServer, type WebServer } from '../web/http-server'

/** A problem the user can fix; the CLI prints its message and exits with `status`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status = 1,
    readonly details: string[] = []
  ) {
    super(message)
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
  if (!parsed.success) throw new CliError(`Invalid --annotator ${JSON.stringify(name)}: ${parsed.error.issues[0]?.message}.`, 2)
  return parsed.data
}

export function importCommand(
  o: { project: string; annotator?: string | undefined; files: string[]; format?: ImportFormat | 'auto' | undefined; offsets?: OffsetUnit | undefined },
  io: Output
): void {
  if (o.files.length === 0) throw new CliError('Name at least one .txt or .jsonl file to import.', 2)
  const inputs = o.files.map((f) => {
    try {
      return { name: f, bytes: readFileSync(f) }
    } catch (err) {
      throw new CliError(`Cannot read ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Nothing was imported.`)
    }
  })
  const project = openOrCreateProject(resolve(o.project), null)
  try {
    const result = importFiles(project, inputs, { annotator: o.annotator, format: o.format, offsets: o.offsets })
    for (const f of result.files) {
      io.out(`${f.name}: ${f.documents} document(s), ${f.newDocuments} new; ${f.spans} span(s), ${f.newSpans} new`)
    }
    io.out(`Imported ${result.newDocuments} new document(s) and ${result.newSpans} new span(s) into ${o.project}.`)
  } catch (err) {
    if (err instanceof ApiError) throw new CliError(err.message, 1, err.details)
    throw err
  } finally {
    project.close()
  }
}

export function exportCommand(
  o: { project: string; annotator: string; out: string; format?: 'spanmark' | 'doccano' | 'prodigy' | undefined; offsets?: OffsetUnit | undefined },
  io: Output
): void {
  const file = resolve(o.project)
  if (!existsSync(file)) throw new CliError(`There is no project at ${file}.`)
  const project = Project.open(file)
  const target = resolve(o.out)
  const tmp = `${target}.${process.pid}.partial`
  try {
    if (!existsSync(dirname(target))) throw new CliError(`The folder ${dirname(target)} does not exist.`)
    const fd = openSync(tmp, 'w')
    let counts
    try {
      counts =
        o.format === undefined || o.format === 'spanmark'
          ? exportLayer(project, o.annotator, (line) => writeSync(fd, line))
          : exportLayerAs(project, o.annotator, { format: o.format, offsets: o.offsets }, (line) => writeSync(fd, line), io)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, target)
    io.out(`Exported ${counts.documents} document(s) and ${counts.spans} span(s) of ${o.annotator} to ${o.out}.`)
  } finally {
    project.close()
  }
}

export async function serveCommand(
  o: { project?: string | undefined; port: number; annotator?: string | undefined },
  io: Output
): Promise<{ server: WebServer; project: Project }> {
  const data = userDataDir()
  const file = o.project ? resolve(o.project) : defaultProjectPath(data)
  const staticDir = rendererDir()
  if (!existsSync(staticDir)) throw new CliError(`The renderer is not built (${staticDir} is missing). Run: npm run build`)
  const project = openOrCreateProject(file, o.project ? null : seedsDir())
  const handlers = createApiHandlers({ project, prefs: new PrefsStore(prefsPath(data)), annotator: o.annotator })
  const server = await startWebServer({ dispatch: createDispatcher(handlers), staticDir, port: o.port })
  io.out(`Spanmark web mode for ${file}: open ${server.url}`)
  return { server, project }
}
