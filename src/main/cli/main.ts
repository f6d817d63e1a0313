import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { klueImportCommand } from './klue-import-command'
import { CliError, checkAnnotator, exportCommand, importCommand, serveCommand, type Output } from './commands'
import { backupBefore, backupCommand, backupsCommand, restoreCommand } from './backup-command'
import { datasetCommand } from './dataset-command'
import { meetingsCommand } from './meetings-command'
import { LABELS_USAGE, labelsCommand } from './labels-command'
import { adjudicateCommand, agreementCommand, mergeCommand, parseAnnotators, reviewCommand } from './review-commands'
import { storageError } from '../storage-errors'
import { ApiError } from '../../shared/errors'
import { apiErrorLines } from './render-message'

const USAGE = `Usage: spanmark <command> [options]

  import --project FILE.sqlite [--annotator NAME] [--format auto|spanmark|doccano|prodigy] [--offsets utf16|codepoint] FILE...
  import --project FILE.sqlite --format klue [--annotator NAME] [--map PS=PERSON,OG=ORGANISATION,DT=DATE] FILE.tsv...
         add .txt / .jsonl files (all or nothing)
  export --project FILE.sqlite --annotator NAME --out FILE.jsonl [--format spanmark|doccano|prodigy] [--offsets utf16|codepoint]
  serve  [--project FILE.sqlite] [--port N] [--annotator NAME] [--host ADDR]
         web mode on 127.0.0.1; open the URL it prints (it carries a new token each run).
         --host listens on ADDR instead: anyone who reaches it with the URL can edit the project
  merge  --project MINE.sqlite --from THEIRS.sqlite              copy their layers and history
  adjudicate --project FILE.sqlite --annotators a,b[,c] --reviewer NAME [--min-agree K]
  review     --project FILE.sqlite --doc ID [--annotators a,b[,c]] [--status unreviewed|in_review|reviewed --reviewer NAME [--force]]
             how many differences are undecided; --status sets it (reviewed with undecided differences needs --force)
  agreement  --project FILE.sqlite --annotators a,b[,c] [--doc ID] [--json]
  dataset    --project FILE.sqlite --annotator NAME|gold --format spanmark|doccano|prodigy|hf|klue|spacy --out DIR
             [--split train=0.8,dev=0.1,test=0.1] [--seed N] [--status reviewed|any] [--include-restricted]
             [--map FROM=TO,…] [--labels A,B] [--align expand|contract|drop] [--tokens morph|eojeol|char] [--offsets utf16|codepoint]
  meetings --project FILE.sqlite --annotator NAME [--out meetings.jsonl]
           the meetings that have links, on a timeline (a table), or one event a line into --out
  backup   --project FILE.sqlite [--out FILE] [--keep N]   snapshot now into FILE.sqlite.backups/ (the newest N, default 10, kept)
  backups  --project FILE.sqlite                          list the backups: time, size, documents and spans
  restore  --project FILE.sqlite (--from BACKUP | --latest)
           replace the project with a backup; the current file (even a damaged one) is moved aside, never overwritten.
           Quit Spanmark on this project first. Import, serve and the desktop app take backups by themselves.
${LABELS_USAGE}

Offsets in JSONL are Unicode code points, end exclusive.`

const console_: Output = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') }

/** An option's value when it is one of `allowed`; undefined when not given. */
function pick<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--${name} must be one of ${allowed.join(', ')}, not "${value}".`, 2)
  return value as T
}

/** Runs one CLI command; resolves with the exit status (serve keeps running and resolves 0). */
export async function runCli(argv: string[], io: Output = console_): Promise<number> {
  const [command, ...rest] = argv
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        project: { type: 'string' },
        annotator: { type: 'string' },
        out: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        from: { type: 'string' },
        annotators: { type: 'string' },
        reviewer: { type: 'string' },
        'min-agree': { type: 'string' },
        doc: { type: 'string' },
        json: { type: 'boolean' },
        force: { type: 'boolean' },
        format: { type: 'string' },
        split: { type: 'string' },
        seed: { type: 'string' },
        status: { type: 'string' },
        'include-restricted': { type: 'boolean' },
        map: { type: 'string' },
        labels: { type: 'string' },
        align: { type: 'string' },
        tokens: { type: 'string' },
        offsets: { type: 'string' },
        keep: { type: 'string' },
        latest: { type: 'boolean' },
        list: { type: 'boolean' },
        name: { type: 'string' },
        hotkey: { type: 'string' },
        color: { type: 'string' },
        guideline: { type: 'string' },
        position: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    })
    if (values.help || command === undefined || command === 'help' || command === '--help') {
      io.out(USAGE)
      return command === undefined ? 2 : 0
    }
    switch (command) {
      case 'import':
        if (!values.project) throw new CliError('Missing --project FILE.sqlite.', 2)
        if (positionals.length > 0) await backupBefore(values.project, 'before-import', io)
        if (values.format === 'klue') {
          klueImportCommand({ project: values.project, annotator: checkAnnotator(values.annotator, false), files: positionals, map: values.map }, io)
          return 0
        }
        await importCommand(
          {
            project: values.project,
            annotator: checkAnnotator(values.annotator, false),
            files: positionals,
            format: pick('format', values.format, ['auto', 'spanmark', 'doccano', 'prodigy'] as const),
            offsets: pick('offsets', values.offsets, ['utf16', 'codepoint'] as const)
          },
          io
        )
        return 0
      case 'export':
        if (!values.project) throw new CliError('Missing --project FILE.sqlite.', 2)
        if (!values.out) throw new CliError('Missing --out FILE.jsonl.', 2)
        await exportCommand(
          {
            project: values.project,
            annotator: checkAnnotator(values.annotator, true) as string,
            out: values.out,
            format: pick('format', values.format, ['spanmark', 'doccano', 'prodigy'] as const),
            offsets: pick('offsets', values.offsets, ['utf16', 'codepoint'] as const)
          },
          io
        )
        return 0
      case 'serve': {
        const port = values.port === undefined ? 0 : Number(values.port)
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0..65535, not ${values.port}.`, 2)
        const { server, project } = await serveCommand(
          { project: values.project, port, annotator: checkAnnotator(values.annotator, false), host: values.host },
          io
        )
        const stop = (): void => {
          void server.close().then(() => {
            project.close()
            process.exit(0)
          })
        }
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
        return 0
      }
      case 'merge':
        if (!values.project) throw new CliError('Missing --project MINE.sqlite.', 2)
        if (!values.from) throw new CliError('Missing --from THEIRS.sqlite.', 2)
        // A merge can be taken back by restoring the backup taken first (when the other file exists at all).
        if (existsSync(resolve(values.from))) await backupBefore(values.project, 'before-merge', io)
        mergeCommand({ project: values.project, from: values.from }, io)
        return 0
      case 'adjudicate':
        if (!values.project) throw new CliError('Missing --project FILE.sqlite.', 2)
        adjudicateCommand(
          { project: values.project, annotators: parseAnnotators(values.annotators), reviewer: values.reviewer, minAgree: values['min-agree'] },
          io
        )
        return 0
      case 'review':
        if (!values.project) throw new CliError('Missing --project FILE.sqlite.', 2)
        reviewCommand(
          { project: values.project, doc: values.doc, reviewer: values.reviewer, annotators: values.annotators, status: values.status, force: values.force === true },
          io
        )
        return 0
      case 'dataset':
        datasetCommand(values, io)
        return 0
      case 'backup':
        if (!values.project) throw new CliError('Missing --project FILE.sqlite.', 2)
        if (values.list) backupsCommand({ project: values.project }, io)
        else await backupCommand({ project: values.project, out: values.out, keep: values.keep }, io)
        return 0
      case 'backups':
        if (!values.project) throw new CliError('Missing --project FILE.sqlite.', 2)
        backupsCommand({ project: values.project }, io)
        return 0
      case 'restore':
        if (!values.project) throw new CliError('Missing --project FILE.sqlite.', 2)
        await restoreCommand({ project: values.project, from: values.from, latest: values.latest }, io)
        return 0
      case 'meetings':
        if (!values.project) throw new CliError('Missing --project FILE.sqlite.', 2)
        await meetingsCommand({ project: values.project, annotator: checkAnnotator(values.annotator, true) as string, out: values.out }, io)
        return 0
      case 'labels':
        await labelsCommand(positionals, values, io)
        return 0
      case 'agreement':
        if (!values.project) throw new CliError('Missing --project FILE.sqlite.', 2)
        agreementCommand({ project: values.project, annotators: parseAnnotators(values.annotators), doc: values.doc, json: values.json === true }, io)
        return 0
      default:
        throw new CliError(`Unknown command "${command}".\n\n${USAGE}`, 2)
    }
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`spanmark: ${err.message}`)
      for (const d of err.details) io.err(`  ${d}`)
      return err.status
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`spanmark: ${err.message}\n\n${USAGE}`)
      return 2
    }
    // SQLite failures of the project file (disk full, read-only folder, locked, damaged) in words.
    const refusal = err instanceof ApiError ? err : storageError(err)
    if (refusal) {
      const { message, details } = apiErrorLines(refusal)
      io.err(`spanmark: ${message}`)
      for (const d of details) io.err(`  ${d}`)
      return 1
    }
    io.err(`spanmark: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((status) => {
    if (status !== 0) process.exitCode = status
  })
}
