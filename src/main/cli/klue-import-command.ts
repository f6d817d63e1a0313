import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseLabelMap } from '../../shared/dataset'
import { ApiError } from '../../shared/errors'
import { openOrCreateProject } from '../default-project'
import { addMissingLabels, parseKlueFile } from '../services/import-klue'
import { importFiles } from '../services/import-service'
import { CliError, type Output } from './commands'
import { cliLocale, sayCli } from './render-message'
import { msg } from '../../shared/message'

/**
 * `spanmark import --format klue FILE.tsv [--annotator NAME] [--map PS=PERSON,OG=ORGANISATION,DT=DATE]`:
 * KLUE-NER sentences become documents (id = sentence id) with the tags as spans in the
 * annotator's layer (default: klue). Tags without a mapping become labels of their own.
 * Nothing is written when any file has a problem.
 */
export function klueImportCommand(o: { project: string; annotator?: string | undefined; files: string[]; map?: string | undefined }, io: Output): void {
  if (o.files.length === 0) throw new CliError('Name at least one KLUE-NER .tsv file to import.', 2)
  let map: Record<string, string>
  try {
    map = o.map ? parseLabelMap(o.map) : {}
  } catch (err) {
    throw new CliError((err as Error).message, 2)
  }
  const inputs = o.files.map((f) => {
    try {
      return { name: f, bytes: readFileSync(f) }
    } catch (err) {
      throw new CliError(`Cannot read ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Nothing was imported.`)
    }
  })
  const parsed = inputs.map((f) => parseKlueFile(f.name, f.bytes, map))
  const problems = parsed.flatMap((p) => p.problems)
  if (problems.length > 0) {
    const files = parsed.filter((p) => p.problems.length > 0).map((p) => p.name).join(', ')
    throw new CliError(sayCli(msg('errors:nothingImported', { count: problems.length, files })), 1, problems.map((p) => sayCli(p)))
  }
  const project = openOrCreateProject(resolve(o.project), null, {}, cliLocale())
  try {
    const labels = parsed.flatMap((p) => p.docs.flatMap((d) => d.spans.map((s) => s.label)))
    const added = addMissingLabels(project, labels)
    if (added.length > 0) io.out(`Added label(s) ${added.join(', ')} for KLUE tags without a --map entry.`)
    const result = importFiles(project, inputs, { annotator: o.annotator ?? 'klue', format: 'klue', map })
    for (const f of result.files) io.out(`${f.name}: ${f.documents} sentence(s), ${f.newDocuments} new; ${f.spans} span(s), ${f.newSpans} new`)
    io.out(`Imported ${result.newDocuments} new document(s) and ${result.newSpans} new span(s) into ${o.project}.`)
  } catch (err) {
    if (err instanceof ApiError) throw CliError.from(err)
    throw err
  } finally {
    project.close()
  }
}
