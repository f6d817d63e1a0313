import { writeWholeFile } from './write-atomically'
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import type { LabelInfo } from '../../shared/labels-schema'
import { cliApi, CliError, type Output } from './commands'
import { sayCli } from './render-message'
import type { Message } from '../../shared/message'
import { openExisting } from './review-commands'

export interface LabelsOptions {
  project?: string | undefined
  name?: string | undefined
  hotkey?: string | undefined
  color?: string | undefined
  guideline?: string | undefined
  position?: string | undefined
  out?: string | undefined
}

export const LABELS_USAGE = `  labels list    --project FILE.sqlite                       the labels in order: key, hotkey, colour, name, spans, retired
  labels add     --project FILE.sqlite KEY --name NAME --hotkey K --color #rrggbb [--guideline TEXT]
  labels edit    --project FILE.sqlite KEY [--name NAME] [--hotkey K] [--color #rrggbb] [--guideline TEXT] [--position N]
  labels retire  --project FILE.sqlite KEY       keep its spans (marked) but stop offering it; labels unretire KEY brings it back
  labels rename  --project FILE.sqlite KEY NEWKEY    move the key and its spans, in one transaction
  labels export  --project FILE.sqlite --out FILE.schema.json
  labels import  --project FILE.sqlite FILE.schema.json   add new labels, update existing ones by key; never deletes`

/** `spanmark labels …`: the label schema (issue 10), the same API methods as the Labels screen. */
export async function labelsCommand(positionals: string[], o: LabelsOptions, io: Output): Promise<void> {
  const [sub, ...args] = positionals
  if (!o.project) throw new CliError('Missing --project FILE.sqlite.', 2)
  if (sub === undefined) throw new CliError(`Missing what to do with the labels.\n\n${LABELS_USAGE}`, 2)
  const project = openExisting(o.project)
  try {
    const call = cliApi(project)
    const key = (): string => {
      if (!args[0]) throw new CliError(`Missing the label's KEY: spanmark labels ${sub} --project FILE KEY.`, 2)
      return args[0]
    }
    switch (sub) {
      case 'list':
        for (const line of labelsTable(await call('listLabels', {}))) io.out(line)
        return
      case 'add': {
        const k = key()
        if (o.name === undefined || o.hotkey === undefined || o.color === undefined) {
          throw new CliError('labels add needs --name, --hotkey and --color (e.g. --name Place --hotkey 5 --color #1971c2).', 2)
        }
        io.out(sayCli((await call('addLabel', { key: k, name: o.name, hotkey: o.hotkey, color: o.color, guideline: o.guideline })).description))
        return
      }
      case 'edit': {
        const k = key()
        const fields = { name: o.name, hotkey: o.hotkey, color: o.color, guideline: o.guideline }
        const given = Object.values(fields).some((v) => v !== undefined)
        if (!given && o.position === undefined) throw new CliError('labels edit needs at least one of --name, --hotkey, --color, --guideline, --position.', 2)
        if (given) io.out(sayCli((await call('editLabel', { key: k, ...fields })).description))
        if (o.position !== undefined) io.out(sayCli((await move(call, k, o.position)).description))
        return
      }
      case 'retire':
      case 'unretire': {
        const k = key()
        io.out(sayCli((await call('setLabelRetired', { key: k, retired: sub === 'retire' })).description))
        return
      }
      case 'rename': {
        const k = key()
        if (!args[1]) throw new CliError('Missing the NEWKEY: spanmark labels rename --project FILE KEY NEWKEY.', 2)
        io.out(sayCli((await call('renameLabelKey', { key: k, newKey: args[1] })).description))
        return
      }
      case 'export': {
        if (!o.out) throw new CliError('Missing --out FILE.schema.json.', 2)
        const target = resolve(o.out)
        if (!existsSync(dirname(target))) throw new CliError(`The folder ${dirname(target)} does not exist.`)
        const { content } = await call('exportLabelSchema', {})
        writeWholeFile(target, content)
        io.out(`Exported ${(await call('listLabels', {})).length} label(s) and their roles to ${o.out}.`)
        return
      }
      case 'import': {
        if (!args[0]) throw new CliError('Missing the schema file: spanmark labels import --project FILE FILE.schema.json.', 2)
        const file = resolve(args[0])
        if (!existsSync(file)) throw new CliError(`There is no file ${file}.`)
        const content = readFileSync(file, 'utf8')
        const r = await call('importLabelSchema', { name: basename(file), content })
        io.out(sayCli(r.description))
        if (r.added.length) io.out(`  added: ${r.added.join(', ')}`)
        if (r.updated.length) io.out(`  updated: ${r.updated.join(', ')}`)
        return
      }
      default:
        throw new CliError(`Unknown labels command "${sub}".\n\n${LABELS_USAGE}`, 2)
    }
  } finally {
    project.close()
  }
}

/** Moves a label to a 1-based position. */
async function move(call: ReturnType<typeof cliApi>, key: string, position: string): Promise<{ description: Message }> {
  const keys = (await call('listLabels', {})).map((l) => l.key)
  const n = Number(position)
  if (!Number.isInteger(n) || n < 1 || n > keys.length) throw new CliError(`--position must be 1..${keys.length}, not ${position}.`, 2)
  if (!keys.includes(key)) throw new CliError(`There is no label ${key} in this project: see spanmark labels list.`)
  const rest = keys.filter((k) => k !== key)
  rest.splice(n - 1, 0, key)
  return call('reorderLabels', { keys: rest })
}

export function labelsTable(labels: LabelInfo[]): string[] {
  const rows = labels.map((l) => [l.key, l.hotkey, l.color, l.name, String(l.spans), l.retired ? 'retired' : ''])
  const head = ['key', 'hotkey', 'colour', 'name', 'spans', '']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] as string)].length)))
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] as number) - [...c].length))).join('  ').trimEnd()
  return [line(head), ...rows.map(line)]
}
