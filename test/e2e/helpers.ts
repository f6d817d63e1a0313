import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Download, Locator, Page } from '@playwright/test'
import { expect, ROOT } from './fixtures'

/** The seed articles that a new default project gets, in id order. */
export const SEED_IDS = [
  '000_2f535eeb48f059c6',
  '001_2d6efb4355ea70ef',
  '002_350a00930be01512',
  '003_b69184515e3eb931',
  '004_2546148ec63b8380'
] as const

/** A seed article's text as the app stores it (a .txt import drops only a BOM). */
export function seedText(id: string): string {
  return readFileSync(join(ROOT, 'seeds', `${id}.txt`), 'utf8').replace(/^\uFEFF/, '')
}

/** UTF-16 index of the nth (0-based) occurrence of needle in text; throws if there is none. */
export function indexOfNth(text: string, needle: string, nth = 0): number {
  let at = -1
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`)
  }
  return at
}

/** Code point offsets [start, end) of the nth occurrence of needle in text. */
export function codePointRange(text: string, needle: string, nth = 0): { start: number; end: number } {
  const at = indexOfNth(text, needle, nth)
  const start = [...text.slice(0, at)].length
  return { start, end: start + [...needle].length }
}

export const docText = (page: Page, docId: string): Locator => page.getByTestId(`doc-text-${docId}`)
export const docItem = (page: Page, docId: string): Locator => page.getByTestId(`doc-item-${docId}`)
export const sidebarCount = (page: Page, docId: string): Locator => docItem(page, docId).locator('.doc-count')
/** Saved spans' marks: a provisional mark (drawn before its save returns) carries data-pending and is left out. */
export const marks = (page: Page, docId: string): Locator => docText(page, docId).locator('mark[data-span-id]:not([data-pending])')
export const status = (page: Page): Locator => page.getByTestId('status')

/** The status line after a saved change: "Saved at <time> — <message>". */
export function savedStatus(message: string): RegExp {
  const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^Saved at \\d{1,2}:\\d{2}:\\d{2}\\s?[AP]M — ${escaped}$`)
}

/** Opens a document in the active pane (click) or in a new pane beside the others (Ctrl+click). */
export async function openDoc(page: Page, docId: string, opts: { beside?: boolean } = {}): Promise<void> {
  await docItem(page, docId).click(opts.beside ? { modifiers: ['Control'] } : {})
  await expect(docText(page, docId)).toBeVisible()
}

interface RenderedSpan {
  id: number
  label: string
  /** The span's text: its elements' text joined (a crossing span may be split in two). */
  text: string
  elements: number
}

/** The spans rendered in a document, in document order of their first element. */
export async function renderedSpans(page: Page, docId: string): Promise<RenderedSpan[]> {
  return docText(page, docId).evaluate((container) => {
    const byId = new Map<number, { id: number; label: string; text: string; elements: number }>()
    for (const el of container.querySelectorAll('mark[data-span-id]:not([data-pending])')) {
      const id = Number(el.getAttribute('data-span-id'))
      const entry = byId.get(id) ?? { id, label: el.getAttribute('data-label') ?? '', text: '', elements: 0 }
      entry.text += el.textContent ?? ''
      entry.elements += 1
      byId.set(id, entry)
    }
    return [...byId.values()]
  })
}

/** Waits until exactly one rendered span has this text and returns it. */
export async function spanWithText(page: Page, docId: string, text: string): Promise<RenderedSpan> {
  let found: RenderedSpan | undefined
  await expect
    .poll(async () => {
      const matching = (await renderedSpans(page, docId)).filter((s) => s.text === text)
      found = matching[0]
      return matching.length
    }, { message: `one span with text ${JSON.stringify(text)} in ${docId}` })
    .toBe(1)
  return found as RenderedSpan
}

export const markById = (page: Page, docId: string, spanId: number): Locator =>
  docText(page, docId).locator(`mark[data-span-id="${spanId}"]`)

/**
 * Selects the nth (0-based) occurrence of needle inside a document's text
 * container with a DOM Range over its text nodes, as a user's selection would
 * be. Returns nothing; fails if the selection's text is not the needle.
 */
export async function selectText(page: Page, docId: string, needle: string, nth = 0): Promise<void> {
  const selected = await docText(page, docId).evaluate(
    (container, { needle, nth }) => {
      const text = container.textContent ?? ''
      let at = -1
      for (let k = 0; k <= nth; k++) {
        at = text.indexOf(needle, at + 1)
        if (at < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`)
      }
      // A point at a text node boundary goes to the next node for a start, the previous one for an end.
      const point = (pos: number, isEnd: boolean): [Node, number] => {
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
        let seen = 0
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = (n as Text).data.length
          if (isEnd ? pos <= seen + len : pos < seen + len) return [n, pos - seen]
          seen += len
        }
        throw new Error(`offset ${pos} is past the text`)
      }
      const range = document.createRange()
      range.setStart(...point(at, false))
      range.setEnd(...point(at + needle.length, true))
      const sel = window.getSelection()
      if (!sel) throw new Error('no selection object')
      sel.removeAllRanges()
      sel.addRange(range)
      return sel.toString()
    },
    { needle, nth }
  )
  expect(selected).toBe(needle)
}

interface Point {
  x: number
  y: number
}

/**
 * Viewport points just inside the first and last characters of the nth
 * occurrence of needle (scrolled into view first), from Range.getClientRects.
 */
export async function textEdgePoints(page: Page, docId: string, needle: string, nth = 0): Promise<{ start: Point; end: Point }> {
  return docText(page, docId).evaluate(
    (container, { needle, nth }) => {
      const text = container.textContent ?? ''
      let at = -1
      for (let k = 0; k <= nth; k++) {
        at = text.indexOf(needle, at + 1)
        if (at < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`)
      }
      const charRange = (pos: number, len: number): Range => {
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
        let seen = 0
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const data = (n as Text).data
          if (pos < seen + data.length) {
            const r = document.createRange()
            r.setStart(n, pos - seen)
            r.setEnd(n, pos - seen + len)
            return r
          }
          seen += data.length
        }
        throw new Error(`offset ${pos} is past the text`)
      }
      const first = charRange(at, 1)
      first.startContainer.parentElement?.scrollIntoView({ block: 'center' })
      const lastLen = needle.length >= 2 && /[\uDC00-\uDFFF]/.test(needle.slice(-1)) ? 2 : 1
      const firstRect = first.getClientRects()[0]
      const lastRect = charRange(at + needle.length - lastLen, lastLen).getClientRects()[0]
      if (!firstRect || !lastRect) throw new Error(`${JSON.stringify(needle)} is not laid out`)
      // Inside the left half of the first character and the right half of the last one.
      return {
        start: { x: firstRect.left + Math.min(2, firstRect.width / 4), y: firstRect.top + firstRect.height / 2 },
        end: { x: lastRect.right - Math.min(2, lastRect.width / 4), y: lastRect.top + lastRect.height / 2 }
      }
    },
    { needle, nth }
  )
}

/** Selects the nth occurrence of needle by dragging the real mouse across it. */
export async function mouseSelect(page: Page, docId: string, needle: string, nth = 0): Promise<void> {
  const { start, end } = await textEdgePoints(page, docId, needle, nth)
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 3 })
  await page.mouse.move(end.x, end.y, { steps: 3 })
  await page.mouse.up()
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(needle)
}

/** Selects the nth occurrence of needle with the keyboard: click before it, then Shift+ArrowRight once per character. */
export async function keyboardSelect(page: Page, docId: string, needle: string, nth = 0): Promise<void> {
  const { start } = await textEdgePoints(page, docId, needle, nth)
  await page.mouse.click(start.x, start.y)
  await expect(docText(page, docId)).toBeFocused()
  for (let i = 0; i < [...needle].length; i++) await page.keyboard.press('Shift+ArrowRight')
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(needle)
}

export interface DbSpan {
  id: number
  doc_id: string
  annotator: string
  start: number
  end: number
  label: string
}

/** The spans stored in a project file (read-only, beside the running server). */
export function dbSpans(projectFile: string, docId?: string): DbSpan[] {
  const db = new Database(projectFile, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const sql = 'SELECT id, doc_id, annotator, start, end, label FROM spans'
    const order = ' ORDER BY doc_id, start, end, label'
    return (docId === undefined ? db.prepare(sql + order).all() : db.prepare(sql + ' WHERE doc_id = ?' + order).all(docId)) as DbSpan[]
  } finally {
    db.close()
  }
}

/** A value in the project's settings table (JSON-decoded), or null. */
export function dbSetting(projectFile: string, key: string): unknown {
  const db = new Database(projectFile, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
    return row ? (JSON.parse(row.value) as unknown) : null
  } finally {
    db.close()
  }
}

/** File → Export…: runs the export and returns the downloaded file and its text. */
export async function exportJsonl(page: Page, format?: 'spanmark' | 'doccano' | 'prodigy'): Promise<{ download: Download; content: string }> {
  await page.getByRole('button', { name: 'File', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export JSONL' })
  await expect(dialog).toBeVisible()
  if (format) await dialog.getByLabel('Export format').selectOption(format)
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  await expect(dialog.getByRole('status')).toContainText(`to ${download.suggestedFilename()}`)
  const path = await download.path()
  const content = readFileSync(path, 'utf8')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  return { download, content }
}

/** File → Import…: chooses the files, presses Import, and returns the dialog (left open). */
export async function importFiles(page: Page, files: string[]): Promise<Locator> {
  await page.getByRole('button', { name: 'File', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Import…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import documents' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Files to import').setInputFiles(files)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  return dialog
}

export interface ExportedLine {
  id: string
  text: string
  annotator: string
  meta: Record<string, unknown>
  spans: { start: number; end: number; label: string; text: string }[]
}

export function parseJsonl(content: string): ExportedLine[] {
  return content
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ExportedLine)
}
