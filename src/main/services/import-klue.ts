import { KlueError, decodeKlue } from '../../shared/dataset'
import { checkColor, checkHotkey } from '../../shared/labels/rules'
import type { Project } from '../store/project'
import { msg, type Message } from '../../shared/message'
import { LabelsService } from './labels-service'

/**
 * KLUE-NER import (v1 and v1.1 TSV): every "## <id>\t<tagged sentence>" block is a
 * document whose id is the sentence id and whose text is its characters; the BIO tags
 * become spans. `map` renames tags (PS=PERSON); a tag without a mapping is a label of
 * its own (PS, LC, OG, DT, TI, QT). A bad tag sequence, a malformed row or a "## " line
 * that disagrees with its rows refuses the file, naming file:line. The documents carry
 * meta.klue = true, so `dataset --format klue` writes each one back as the same sentence.
 *
 * The shape of the result is import-parse's ParsedFile (kept structural here so the two
 * files do not import each other).
 */
export interface KlueParsed {
  name: string
  docs: { id: string; text: string; meta: Record<string, unknown>; annotator: undefined; spans: { start: number; end: number; label: string; where: string }[]; where: string }[]
  problems: Message[]
  notes: Message[]
}

export function parseKlueFile(name: string, bytes: Uint8Array, map: Readonly<Record<string, string>> = {}): KlueParsed {
  const out: KlueParsed = { name, docs: [], problems: [], notes: [] }
  let content: string
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    out.problems.push(msg('errors:import.notUtf8', { where: name }))
    return out
  }
  try {
    const seen = new Map<string, number>()
    for (const s of decodeKlue(content)) {
      const where = `${name}:${s.line}`
      const first = seen.get(s.id)
      if (first !== undefined) {
        out.problems.push(msg('errors:import.klueDuplicateId', { where, id: s.id, first }))
        continue
      }
      seen.set(s.id, s.line)
      const spans = s.spans.map((x, k) => ({ start: x.start, end: x.end, label: map[x.label] ?? x.label, where: `${where}: span ${k + 1}` }))
      out.docs.push({ id: s.id, text: s.text, meta: { klue: true }, annotator: undefined, spans, where })
    }
  } catch (err) {
    if (!(err instanceof KlueError)) throw err
    out.problems.push(msg(`errors:import.klue.${err.reason}`, { where: `${name}:${err.line}`, ...err.params }))
    return out
  }
  if (out.docs.length === 0 && out.problems.length === 0) out.problems.push(msg('errors:import.klueEmpty', { where: name }))
  return out
}

/** Colours for new labels: distinct, readable on light and dark backgrounds. */
const PALETTE = ['#e8590c', '#0c8599', '#5f3dc4', '#c2255c', '#2f9e44', '#1864ab', '#b08900', '#862e9c', '#d6336c', '#087f5b', '#364fc7', '#a61e4d']
const HOTKEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p']

/**
 * Adds the labels the spans use that the project lacks, each with an unused colour and
 * a free hotkey (none when every candidate is taken). Returns the keys added.
 */
export function addMissingLabels(project: Project, keys: readonly string[]): string[] {
  const service = new LabelsService(project)
  const added: string[] = []
  for (const key of [...new Set(keys)]) {
    if (project.labels.get(key)) continue
    const labels = project.labels.list()
    const roleHotkeys = project.relations.roles().map((r) => r.hotkey)
    const used = new Set(labels.map((l) => l.color.toLowerCase()))
    const color = PALETTE.find((c) => !used.has(c) && checkColor(c) === null) ?? (PALETTE[added.length % PALETTE.length] as string)
    const hotkey = HOTKEYS.find((h) => checkHotkey(h, null, labels, roleHotkeys) === null) ?? ''
    service.add({ key, name: key, hotkey, color, guideline: `KLUE-NER tag ${key}.` })
    added.push(key)
  }
  return added
}
