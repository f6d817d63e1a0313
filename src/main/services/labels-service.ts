import { basename } from 'node:path'
import type { z } from 'zod'
import type { LabelDef } from '../../shared/domain'
import { ApiError, asWritten, zodMessages } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
import { checkColor, checkGuideline, checkHotkey, checkKey, checkName, problemText, type LabelLike, type LabelProblem } from '../../shared/labels/rules'
import { schemaFileSchema, type LabelInfo, type SchemaFile } from '../../shared/labels-schema'
import type { Project } from '../store/project'

type Fields = Pick<LabelDef, 'name' | 'hotkey' | 'color' | 'guideline'>
export interface Changed {
  labels: LabelInfo[]
  description: Message
}
export interface ImportedSchema extends Changed {
  added: string[]
  updated: string[]
  rolesUpdated: string[]
}

/** Keys code depends on: the Meetings view and meeting links read MEETING by name. */
const FIXED_KEYS: Record<string, string> = {
  MEETING: 'the Meetings view and meeting links look for MEETING spans by this key'
}

/**
 * The label schema (issue 10): add, edit, rename a key, reorder, retire, and
 * schema files. Every change is checked against src/shared/labels/rules.ts and
 * written in one transaction; a refused change writes nothing.
 */
export class LabelsService {
  constructor(private readonly project: Project) {}

  list(): LabelInfo[] {
    return this.project.labels.records()
  }

  add(a: Omit<Fields, 'guideline'> & { key: string; guideline?: string | undefined; crossParagraphs?: boolean | undefined }): Changed {
    return this.project.write(() => {
      const key = a.key
      refuse(checkKey(key))
      if (this.project.labels.get(key)) throw new ApiError('conflict', msg('errors:labelExists', { key }))
      const fields = this.checked(null, { name: a.name, hotkey: a.hotkey, color: a.color, guideline: a.guideline ?? '' }, null)
      this.project.labels.add({ key, ...fields, ...(a.crossParagraphs ? { crossParagraphs: true } : {}) })
      return this.changed(msg('changes:addLabel', { name: fields.name, key }))
    })
  }

  edit(a: {
    key: string
    name?: string | undefined
    hotkey?: string | undefined
    color?: string | undefined
    guideline?: string | undefined
    crossParagraphs?: boolean | undefined
  }): Changed {
    return this.project.write(() => {
      const old = this.existing(a.key)
      const next = { name: a.name ?? old.name, hotkey: a.hotkey ?? old.hotkey, color: a.color ?? old.color, guideline: a.guideline ?? old.guideline }
      const fields = this.checked(a.key, next, old)
      this.project.labels.update(a.key, fields)
      if (a.crossParagraphs !== undefined) this.project.labels.setCrossParagraphs(a.key, a.crossParagraphs)
      return this.changed(msg('changes:editLabel', { name: fields.name, key: a.key }))
    })
  }

  renameKey(a: { key: string; newKey: string }): Changed & { spans: number } {
    return this.project.write(() => {
      this.existing(a.key)
      refuse(checkKey(a.newKey))
      if (a.newKey === a.key) throw new ApiError('invalid_args', msg('errors:labelKeySame', { key: a.key }))
      if (this.project.labels.get(a.newKey)) throw new ApiError('conflict', msg('errors:labelKeyTaken', { key: a.newKey }))
      const fixed = FIXED_KEYS[a.key]
      if (fixed) throw new ApiError('rejected', msg('errors:labelKeyFixed', { key: a.key, why: fixed }))
      const spans = this.project.labels.renameKey(a.key, a.newKey)
      return { ...this.changed(msg('changes:renameLabelKey', { key: a.key, newKey: a.newKey, count: spans })), spans }
    })
  }

  reorder(a: { keys: string[] }): Changed {
    return this.project.write(() => {
      const known = this.project.labels.list().map((l) => l.key)
      const given = new Set(a.keys)
      const missing = known.filter((k) => !given.has(k))
      const unknown = a.keys.filter((k) => !known.includes(k))
      if (missing.length || unknown.length || given.size !== a.keys.length) {
        throw new ApiError(
          'conflict',
          msg('errors:labelOrderStale'),
          [...missing.map((key) => msg('errors:labelOrderMissing', { key })), ...unknown.map((key) => msg('errors:labelOrderUnknown', { key }))]
        )
      }
      this.project.labels.reorder(a.keys)
      return this.changed(msg('changes:reorderLabels'))
    })
  }

  setRetired(a: { key: string; retired: boolean }): Changed {
    return this.project.write(() => {
      const label = this.existing(a.key)
      if (!a.retired && label.retired) {
        // Its hotkey may have been given to another label meanwhile.
        const clash = checkHotkey(label.hotkey, label.key, this.project.labels.list(), this.roleHotkeys())
        if (clash) throw new ApiError('conflict', msg('errors:labelHotkeyBack', { key: label.key, hotkey: label.hotkey, other: clash.code === 'hotkeyTaken' ? clash.other : '—' }), [problemMessage(clash)])
      }
      this.project.labels.setRetired(a.key, a.retired)
      const usage = this.project.labels.records().find((l) => l.key === a.key)?.spans ?? 0
      return this.changed(a.retired ? msg('changes:retireLabel', { name: label.name, key: a.key, count: usage }) : msg('changes:unretireLabel', { name: label.name, key: a.key }))
    })
  }

  exportSchema(): { fileName: string; content: string } {
    const file: SchemaFile = {
      spanmark_schema: 1,
      labels: this.project.labels.list().map((l) => ({
        key: l.key,
        name: l.name,
        hotkey: l.hotkey,
        color: l.color,
        guideline: l.guideline,
        retired: l.retired === true,
        crossParagraphs: l.crossParagraphs === true
      })),
      roles: this.project.relations.roles().map((r) => ({ type: r.type, name: r.name, hotkey: r.hotkey, fromLabels: r.fromLabels, toLabels: r.toLabels }))
    }
    const fileName = `${basename(this.project.path).replace(/\.sqlite$/i, '')}.schema.json`
    return { fileName, content: `${JSON.stringify(file, null, 2)}\n` }
  }

  /** `name` is the file's name, used in every message. All or nothing: one problem and nothing changes. */
  importSchema(a: { name: string; content: string }): ImportedSchema {
    const file = parseSchemaFile(a.name, a.content)
    return this.project.write(() => {
      const problems: Message[] = []
      const added: string[] = []
      const updated: string[] = []
      const seen = new Set<string>()
      for (const [i, l] of file.labels.entries()) {
        const where = `labels[${i}] (${l.key})`
        const keyProblem = checkKey(l.key)
        if (keyProblem) {
          problems.push(msg('errors:schemaProblem', { where, problem: problemText(keyProblem) }))
          continue
        }
        if (seen.has(l.key)) problems.push(asWritten(`${where}: ${l.key} is listed twice`))
        seen.add(l.key)
        const old = this.project.labels.get(l.key)
        const fields = { name: l.name, hotkey: l.hotkey, color: l.color, guideline: l.guideline }
        try {
          // Hotkeys are checked below, once every label of the file is in place.
          this.checked(l.key, fields, old ?? null, false)
        } catch (err) {
          problems.push(msg('errors:schemaProblem', { where, problem: (err as Error).message }))
          continue
        }
        if (old) {
          const same = old.name === l.name && old.hotkey === l.hotkey && old.color === l.color && old.guideline === l.guideline && (old.retired === true) === l.retired
          if (!same || (old.crossParagraphs === true) !== l.crossParagraphs) updated.push(l.key)
          this.project.labels.update(l.key, fields)
          this.project.labels.setRetired(l.key, l.retired)
          this.project.labels.setCrossParagraphs(l.key, l.crossParagraphs)
        } else {
          added.push(l.key)
          this.project.labels.add({ key: l.key, ...fields, retired: l.retired, crossParagraphs: l.crossParagraphs })
        }
      }
      const labels = this.project.labels.list()
      const rolesUpdated: string[] = []
      const keys = new Set(labels.map((l) => l.key))
      for (const [i, r] of file.roles.entries()) {
        const unknown = [...r.fromLabels, ...r.toLabels].filter((k) => !keys.has(k))
        if (unknown.length) problems.push(asWritten(`roles[${i}] (${r.type}): links label(s) ${unknown.join(', ')}, which neither the file nor the project has`))
        if ([...r.hotkey].length !== 1) problems.push(asWritten(`roles[${i}] (${r.type}): the hotkey "${r.hotkey}" is not a single character`))
        this.project.labels.upsertRole(r)
        rolesUpdated.push(r.type)
      }
      const roleKeys = this.roleHotkeys()
      if (new Set(roleKeys).size !== roleKeys.length) problems.push(asWritten(`two relation roles would share a hotkey (${roleKeys.join(', ')})`))
      for (const l of labels) {
        if (l.retired) continue
        const clash = checkHotkey(l.hotkey, l.key, labels, roleKeys)
        if (clash) problems.push(msg('errors:schemaProblem', { where: l.key, problem: problemText(clash) }))
      }
      if (problems.length) {
        // Thrown inside the transaction: everything above is rolled back.
        throw new ApiError('invalid_args', msg('errors:schemaNotImported', { name: a.name, count: problems.length }), problems)
      }
      const description = msg('changes:importSchema', { name: a.name, added: added.length, updated: updated.length })
      return { ...this.changed(description), added, updated, rolesUpdated }
    })
  }

  private existing(key: string): LabelDef {
    const label = this.project.labels.get(key)
    if (!label) throw new ApiError('not_found', msg('errors:noLabelHere', { label: key }))
    return label
  }

  private roleHotkeys(): string[] {
    return this.project.relations.roles().map((r) => r.hotkey)
  }

  /** Trims and checks a label's fields; an unchanged colour is not re-checked (labels made before the contrast rule keep theirs). */
  private checked(self: string | null, f: Fields, old: LabelDef | null, hotkeys = true): Fields {
    const fields = { name: f.name.trim(), hotkey: f.hotkey, color: f.color.toLowerCase(), guideline: f.guideline.trim() }
    refuse(checkName(fields.name))
    refuse(checkGuideline(fields.guideline))
    if (!old || old.color.toLowerCase() !== fields.color) refuse(checkColor(fields.color))
    if (hotkeys && (!old || old.hotkey !== fields.hotkey)) {
      // A retired label's hotkey does nothing: it is checked against the others when the label comes back.
      const others: LabelLike[] = old?.retired ? [] : this.project.labels.list()
      refuse(checkHotkey(fields.hotkey, self, others, this.roleHotkeys()))
    }
    return fields
  }

  private changed(description: Message): Changed {
    return { labels: this.list(), description }
  }
}

/** A label problem as message data (the labels catalogue's problem texts). */
export function problemMessage(p: LabelProblem): Message {
  const { code, ...params } = p
  return msg(`errors:labelProblem.${code}`, params)
}

function refuse(problem: LabelProblem | null): void {
  if (problem) throw new ApiError('invalid_args', problemMessage(problem))
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** A schema file's text, checked: file-level problems name the file and say what a schema file looks like. */
export function parseSchemaFile(name: string, content: string): SchemaFile {
  let json: unknown
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''))
  } catch (err) {
    throw new ApiError('invalid_args', msg('errors:schemaNotJson', { name, reason: (err as Error).message }))
  }
  if (typeof json !== 'object' || json === null || !('spanmark_schema' in json)) {
    throw new ApiError('invalid_args', msg('errors:schemaNoMarker', { name }))
  }
  if ((json as { spanmark_schema: unknown }).spanmark_schema !== 1) {
    throw new ApiError('invalid_args', msg('errors:schemaVersion', { name, version: String((json as { spanmark_schema: unknown }).spanmark_schema) }))
  }
  const parsed = schemaFileSchema.safeParse(json)
  if (!parsed.success) {
    const details = zodMessages(parsed.error as z.ZodError)
    throw new ApiError('invalid_args', msg('errors:schemaShape', { name }), details)
  }
  return parsed.data
}
