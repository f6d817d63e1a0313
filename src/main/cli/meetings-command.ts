import { writeWholeFile } from './write-atomically'
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { MeetingEvent } from '../../shared/meetings-schema'
import { cliApi, CliError, type Output } from './commands'
import { openExisting } from './review-commands'

/**
 * `spanmark meetings`: the Meetings view's timeline as a table, or meetings.jsonl with --out
 * (written to a .partial file first, so a failed export never leaves half a file).
 */
export async function meetingsCommand(o: { project: string; annotator: string; out?: string | undefined }, io: Output): Promise<void> {
  const project = openExisting(o.project)
  try {
    const call = cliApi(project)
    if (o.out !== undefined) {
      const target = resolve(o.out)
      if (!existsSync(dirname(target))) throw new CliError(`The folder ${dirname(target)} does not exist.`)
      const { content, events } = await call('exportMeetings', { annotator: o.annotator })
      writeWholeFile(target, content)
      io.out(`Exported ${events} meeting(s) of ${o.annotator} to ${o.out}.`)
      return
    }
    const { events } = await call('listMeetings', { annotator: o.annotator })
    if (events.length === 0) {
      io.out(`${o.annotator} has no meetings with links yet: link a MEETING span to its participants or date first.`)
      return
    }
    for (const line of meetingsTable(events)) io.out(line)
  } finally {
    project.close()
  }
}

/** Terminal columns a string takes: Hangul and other wide characters take two. */
function width(s: string): number {
  let w = 0
  for (const c of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1
  return w
}
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)))

/** The timeline: one row per event in date order. */
export function meetingsTable(events: MeetingEvent[]): string[] {
  const rows = events.map((e) => [
    e.date === null ? '?' : e.precision === 'month' ? `${e.date.slice(0, 7)} (month)` : e.precision === 'year' ? `${e.date.slice(0, 4)} (year)` : e.precision === 'week' ? `${e.date} (week)` : e.date,
    e.dateText ?? '',
    e.participants.map((p) => p.name).join(', '),
    String(e.documents),
    e.entityId !== null ? e.name : ''
  ])
  const head = ['date', 'as written', 'participants', 'articles', 'event']
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))))
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : padEnd(c, widths[i]!))).join('  ').trimEnd()
  return [line(head), ...rows.map(line)]
}
