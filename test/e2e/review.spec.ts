import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Locator, Page } from '@playwright/test'
import { expect, openApp, ROOT, test, type SpanmarkServer } from './fixtures'
import { dbSetting, dbSpans, docItem, docText, marks, openDoc, parseJsonl, renderedSpans, SEED_IDS, selectText, status, type DbSpan } from './helpers'
import { screensDir } from './screens-dir'

/**
 * Review: comparing two annotators' layers and adjudicating into gold. The data
 * are test/fixtures/review/{minji,junho}.jsonl, whose README lists every
 * disagreement with its code point offsets; the expectations below come from it.
 */

const [A, B, C, D, E] = SEED_IDS as unknown as [string, string, string, string, string]
const FIXTURES = join(ROOT, 'test', 'fixtures', 'review')
const MINJI = join(FIXTURES, 'minji.jsonl')
const JUNHO = join(FIXTURES, 'junho.jsonl')
const GOLD = 'gold'
const REJECTED = 'gold:rejected'

/** The twelve differences in 000 (README, 000-1 … 000-9), in candidate order (start, end, label). */
const DIFFERENCES_000: [string, string][] = [
  ['253:255:MEETING', 'only_one'], // 000-1 만남, only minji
  ['452:454:DATE', 'only_one'], // 000-2 전날, only junho
  ['468:476:ORGANISATION', 'only_one'], // 000-3 니혼게이자이신문, only minji
  ['575:579:ORGANISATION', 'label_conflict'], // 000-4 오픈AI, minji
  ['575:579:PERSON', 'label_conflict'], // 000-4 오픈AI, junho
  ['645:649:PERSON', 'only_one'], // 000-5 최 회장, only junho
  ['651:657:DATE', 'boundary_conflict'], // 000-6 지난해 1월, minji
  ['655:657:DATE', 'boundary_conflict'], // 000-6 1월, junho
  ['940:944:ORGANISATION', 'boundary_conflict'], // 000-7 삼성전자, minji
  ['940:949:ORGANISATION', 'boundary_conflict'], // 000-7 삼성전자 서초사옥, junho
  ['1034:1037:PERSON', 'only_one'], // 000-8 노태문, only minji
  ['1038:1044:ORGANISATION', 'only_one'] // 000-9 모바일사업부, only junho
]

/** Runs the CLI (bin/spanmark.js) with this test's SPANMARK_HOME; returns its stdout. */
function cli(home: string, args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, SPANMARK_HOME: home }
  delete env['ELECTRON_RUN_AS_NODE']
  return execFileSync(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), ...args], { cwd: ROOT, env, encoding: 'utf8' })
}

/** A project file with the five seeds labelled by minji and junho (each line's annotator picks the layer). */
function reviewProject(home: string): string {
  const file = join(home, 'review.sqlite')
  cli(home, ['import', '--project', file, MINJI, JUNHO])
  return file
}

const key = (s: { start: number; end: number; label: string }): string => `${s.start}:${s.end}:${s.label}`
const layer = (spans: DbSpan[], annotator: string): DbSpan[] => spans.filter((s) => s.annotator === annotator)
const keysOf = (spans: DbSpan[], annotator: string): string[] => layer(spans, annotator).map(key).sort()

/** A document's review status as stored in the project file ('unreviewed' when there is no row). */
function dbReviewStatus(projectFile: string, docId: string): string {
  const db = new Database(projectFile, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const row = db.prepare('SELECT status FROM review_status WHERE doc_id = ?').get(docId) as { status: string } | undefined
    return row?.status ?? 'unreviewed'
  } finally {
    db.close()
  }
}

const pane = (page: Page, index: number): Locator => page.getByTestId(`pane-${index}`)
const layerSelect = (page: Page, index: number): Locator => page.getByLabel(`Layer shown in pane ${index + 1}`)
const reviewPane = (page: Page, docId: string): Locator => page.getByTestId(`review-${docId}`)
const candidates = (page: Page, docId: string): Locator => reviewPane(page, docId).getByRole('listbox', { name: 'Review candidates' })
const option = (page: Page, docId: string, candidate: string): Locator => candidates(page, docId).locator(`li[role="option"][data-candidate="${candidate}"]`)
const candidateMark = (page: Page, docId: string, candidate: string): Locator => reviewPane(page, docId).locator(`mark[data-candidate="${candidate}"]`)
const summary = (page: Page, docId: string): Locator => reviewPane(page, docId).getByTestId('review-summary')
const statusBadge = (page: Page, docId: string): Locator => docItem(page, docId).locator('.status-badge')

/** The options of the candidate list as [data-candidate, data-kind, data-decision]. */
async function listed(page: Page, docId: string): Promise<string[][]> {
  return candidates(page, docId)
    .locator('li[role="option"]')
    .evaluateAll((items) => items.map((li) => ['data-candidate', 'data-kind', 'data-decision'].map((a) => li.getAttribute(a) ?? '')))
}

/** Starts review mode in a pane (the header's Review button) and waits for the comparison. */
async function startReview(page: Page, index: number, docId: string): Promise<void> {
  await pane(page, index).getByRole('button', { name: 'Review', exact: true }).click()
  await expect(pane(page, index).getByTestId(`review-${docId}`)).toBeVisible()
  await expect(summary(page, docId)).toContainText('agreed')
}

async function openReviewProject(page: Page, home: string, startServer: (o?: { project?: string }) => Promise<SpanmarkServer>): Promise<SpanmarkServer> {
  const server = await startServer({ project: reviewProject(home) })
  await openApp(page, server)
  return server
}

test('File → Merge project… brings a colleague’s layers in, reports a differing document, and merging twice adds nothing', async ({
  page,
  home,
  startServer
}) => {
  // Mine: minji's five documents and a note; theirs: junho's five and a note with the same id but other text.
  const mine = join(home, 'mine.sqlite')
  const theirs = join(home, 'theirs.sqlite')
  const myNote = join(home, 'my-note.jsonl')
  const theirNote = join(home, 'their-note.jsonl')
  writeFileSync(myNote, JSON.stringify({ id: 'zz_note', text: '회의 메모: 올트먼 방한' }) + '\n')
  writeFileSync(
    theirNote,
    JSON.stringify({ id: 'zz_note', text: '회의 메모: 샘 올트먼 방한 일정', annotator: 'junho', spans: [{ start: 7, end: 12, label: 'PERSON' }] }) + '\n'
  )
  cli(home, ['import', '--project', mine, MINJI, myNote])
  cli(home, ['import', '--project', theirs, JUNHO, theirNote])
  expect(layer(dbSpans(theirs), 'junho')).toHaveLength(268)

  const server = await startServer({ project: mine })
  await openApp(page, server)
  await expect(page.getByTestId(`doc-layers-${A}`)).toHaveText('minji 57')
  await expect(page.getByTestId('doc-layers-zz_note')).toHaveText('no spans yet')

  const merge = async (): Promise<Locator> => {
    await page.getByRole('button', { name: 'File', exact: true }).click()
    await page.getByRole('menuitem', { name: 'Merge project…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Merge project' })
    await expect(dialog).toBeVisible()
    await dialog.getByLabel('Project file to merge').setInputFiles(theirs)
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
    await expect(dialog.getByRole('status')).toBeVisible()
    return dialog
  }

  const first = await merge()
  const result = first.getByRole('status')
  await expect(result).toContainText(/^5 documents matched, 0 added; 267 spans added \(junho 267\); [1-9]\d* history entr(y|ies)\./)
  await expect(result.getByRole('listitem')).toHaveText(["Not merged: zz_note: the text differs from this project's (13 vs 18 characters); not merged"])
  await first.getByRole('button', { name: 'Close' }).click()
  await expect(first).toBeHidden()

  const expected: [string, string][] = [
    [A, 'junho 57 · minji 57'],
    [B, 'junho 50 · minji 50'],
    [C, 'junho 74 · minji 77'],
    [D, 'junho 50 · minji 51'],
    [E, 'junho 36 · minji 36'],
    ['zz_note', 'no spans yet']
  ]
  for (const [id, text] of expected) await expect(page.getByTestId(`doc-layers-${id}`)).toHaveText(text)
  const afterFirst = dbSpans(mine)
  expect(layer(afterFirst, 'junho')).toHaveLength(267)
  expect(layer(afterFirst, 'minji')).toHaveLength(271)
  expect(afterFirst.filter((s) => s.doc_id === 'zz_note')).toEqual([])
  // junho's layer came over exactly: the same spans as in his file.
  expect(keysOf(afterFirst, 'junho')).toEqual(keysOf(dbSpans(theirs).filter((s) => s.doc_id !== 'zz_note'), 'junho'))

  // Merging the same file again changes nothing.
  const second = await merge()
  await expect(second.getByRole('status')).toContainText(/^5 documents matched, 0 added; 0 spans added; 0 history entries\./)
  await expect(second.getByRole('status').getByRole('listitem')).toHaveCount(1)
  await second.getByRole('button', { name: 'Close' }).click()
  expect(dbSpans(mine)).toEqual(afterFirst)
  await expect(page.getByTestId(`doc-layers-${A}`)).toHaveText('junho 57 · minji 57')
})

test('review one document: classified candidates, n/p, accept, reject, edit, accept all agreed, undo/redo, mark reviewed', async ({
  page,
  home,
  startServer
}) => {
  const server = await openReviewProject(page, home, startServer)
  const file = server.projectFile
  await expect(page.getByTestId(`doc-layers-${A}`)).toHaveText('junho 57 · minji 57')
  await expect(statusBadge(page, A)).toHaveText('Unreviewed')
  await openDoc(page, A)
  await startReview(page, 0, A)

  // The comparison: 51 exact matches and the twelve spans of the nine disagreements.
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 0 decided · 0 in gold')
  await expect(reviewPane(page, A).getByRole('button', { name: 'Accept all agreed (51)' })).toBeEnabled()
  await expect(reviewPane(page, A).getByLabel('Review status')).toHaveValue('unreviewed')
  expect(await listed(page, A)).toEqual(DIFFERENCES_000.map(([c, kind]) => [c, kind, 'pending']))
  for (const [c, kind] of DIFFERENCES_000) {
    await expect(candidateMark(page, A, c).first()).toHaveAttribute('data-kind', kind)
    await expect(candidateMark(page, A, c).first()).toHaveAttribute('data-decision', 'pending')
  }
  await expect(candidateMark(page, A, '575:579:ORGANISATION')).toHaveText('오픈AI')
  await expect(candidateMark(page, A, '575:579:PERSON')).toHaveText('오픈AI')
  await expect(candidateMark(page, A, '651:657:DATE')).toHaveText('지난해 1월')
  await expect(candidateMark(page, A, '655:657:DATE')).toHaveText('1월')
  await expect(candidateMark(page, A, '253:255:MEETING')).toHaveText('만남')
  await expect(reviewPane(page, A).locator('mark[data-candidate][data-kind="agreed"]')).toHaveCount(51)
  await expect(option(page, A, '253:255:MEETING')).toContainText('minji')
  await expect(option(page, A, '575:579:PERSON')).toContainText('junho')

  // "List agreed spans too" adds the 51 agreed candidates to the list.
  const listAgreed = reviewPane(page, A).getByLabel('List agreed spans too')
  await listAgreed.check()
  await expect(candidates(page, A).locator('li[role="option"]')).toHaveCount(63)
  await expect(candidates(page, A).locator('li[data-kind="agreed"]')).toHaveCount(51)
  await listAgreed.uncheck()
  await expect(candidates(page, A).locator('li[role="option"]')).toHaveCount(12)

  // n / p move through the differences, but not while focus is in a form field (here the checkbox).
  const selected = candidates(page, A).locator('li[aria-selected="true"]')
  await expect(listAgreed).toBeFocused()
  await page.keyboard.press('n')
  await expect(selected).toHaveCount(0)
  await summary(page, A).click()
  await expect(listAgreed).not.toBeFocused()
  await page.keyboard.press('n')
  await expect(selected).toHaveAttribute('data-candidate', '253:255:MEETING')
  await page.keyboard.press('n')
  await expect(selected).toHaveAttribute('data-candidate', '452:454:DATE')
  await page.keyboard.press('p')
  await expect(selected).toHaveAttribute('data-candidate', '253:255:MEETING')
  await page.keyboard.press('p')
  await expect(selected).toHaveAttribute('data-candidate', '1038:1044:ORGANISATION')
  await page.keyboard.press('n')
  await expect(selected).toHaveCount(1)
  await expect(selected).toHaveAttribute('data-candidate', '253:255:MEETING')
  await expect(candidateMark(page, A, '253:255:MEETING')).toHaveClass(/selected/)

  // a accepts the current candidate into gold; the document is now in review.
  await page.keyboard.press('a')
  await expect(option(page, A, '253:255:MEETING')).toHaveAttribute('data-decision', 'accepted')
  await expect(option(page, A, '253:255:MEETING')).toContainText('✓ accepted by alice') // who accepted it is kept
  await expect(candidateMark(page, A, '253:255:MEETING')).toHaveAttribute('data-decision', 'accepted')
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 1 decided · 1 in gold')
  await expect(statusBadge(page, A)).toHaveText('In review')
  await expect(reviewPane(page, A).getByLabel('Review status')).toHaveValue('in_review')
  expect(keysOf(dbSpans(file, A), GOLD)).toEqual(['253:255:MEETING'])
  expect(dbReviewStatus(file, A)).toBe('in_review')

  // n goes on to the next undecided difference; r rejects it (into gold:rejected, not gold).
  await page.keyboard.press('n')
  await expect(selected).toHaveAttribute('data-candidate', '452:454:DATE')
  await page.keyboard.press('r')
  await expect(option(page, A, '452:454:DATE')).toHaveAttribute('data-decision', 'rejected')
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 2 decided · 1 in gold')
  expect(keysOf(dbSpans(file, A), REJECTED)).toEqual(['452:454:DATE'])
  expect(keysOf(dbSpans(file, A), GOLD)).toEqual(['253:255:MEETING'])

  // e edits junho's "1월" before accepting: its start edge four characters earlier (Shift+← on the
  // edge's handle in the text) gives "지난해 1월". The edit settles junho's row, not minji's.
  await option(page, A, '655:657:DATE').click({ position: { x: 3, y: 3 } })
  await expect(selected).toHaveAttribute('data-candidate', '655:657:DATE')
  await page.keyboard.press('e')
  const form = reviewPane(page, A).getByRole('form', { name: 'Edit before accepting' })
  await expect(form).toBeVisible()
  await expect(form.getByLabel('Label')).toHaveValue('DATE')
  await expect(form.getByTestId('edit-offsets')).toHaveText('characters 655–657')
  // Keys typed in the form are not review keys.
  await page.keyboard.press('a')
  await expect(option(page, A, '655:657:DATE')).toHaveAttribute('data-decision', 'pending')
  const startEdge = reviewPane(page, A).getByRole('slider', { name: 'Start of the span' })
  await startEdge.focus()
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft')
  await expect(startEdge).toHaveAttribute('aria-valuenow', '651')
  await expect(form).toContainText('“지난해 1월”')
  await form.getByRole('button', { name: 'Accept edited' }).click()
  await expect(form).toBeHidden()
  await expect(option(page, A, '655:657:DATE')).toHaveAttribute('data-decision', 'edited')
  await expect(option(page, A, '651:657:DATE')).toHaveAttribute('data-decision', 'pending')
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 3 decided · 2 in gold')

  // The Edit button: junho's PERSON 오픈AI accepted as an organisation.
  await option(page, A, '575:579:PERSON').getByRole('button', { name: 'Edit' }).click()
  await expect(form).toBeVisible()
  await expect(form.getByLabel('Label')).toHaveValue('PERSON')
  await form.getByLabel('Label').selectOption('ORGANISATION')
  await form.getByRole('button', { name: 'Accept edited' }).click()
  await expect(form).toBeHidden()
  await expect(option(page, A, '575:579:PERSON')).toHaveAttribute('data-decision', 'edited')
  await expect(option(page, A, '575:579:ORGANISATION')).toHaveAttribute('data-decision', 'pending')
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 4 decided · 3 in gold')
  const decided = ['253:255:MEETING', '575:579:ORGANISATION', '651:657:DATE'].sort()
  expect(keysOf(dbSpans(file, A), GOLD)).toEqual(decided)

  // Shift+A accepts all 51 agreed spans in one step.
  await page.keyboard.press('Shift+A')
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 4 decided · 54 in gold')
  await expect(reviewPane(page, A).getByRole('button', { name: 'Accept all agreed (0)' })).toBeDisabled()
  await expect(reviewPane(page, A).locator('mark[data-kind="agreed"][data-decision="accepted"]')).toHaveCount(51)
  const all = dbSpans(file, A)
  const minji = new Set(keysOf(all, 'minji'))
  const agreed = keysOf(all, 'junho').filter((k) => minji.has(k))
  expect(agreed).toHaveLength(51)
  expect(keysOf(all, GOLD)).toEqual([...agreed, ...decided].sort())
  expect(keysOf(all, REJECTED)).toEqual(['452:454:DATE'])
  await expect(page.getByTestId(`doc-layers-${A}`)).toHaveText('gold 54 · junho 57 · minji 57')

  // Ctrl+Z undoes the last decision (all 51 at once); Ctrl+Shift+Z redoes it.
  await page.keyboard.press('Control+z')
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 4 decided · 3 in gold')
  await expect(reviewPane(page, A).getByRole('button', { name: 'Accept all agreed (51)' })).toBeEnabled()
  await expect(reviewPane(page, A).locator('mark[data-kind="agreed"][data-decision="pending"]')).toHaveCount(51)
  expect(keysOf(dbSpans(file, A), GOLD)).toEqual(decided)
  await expect(page.getByTestId(`doc-layers-${A}`)).toHaveText('gold 3 · junho 57 · minji 57')
  await page.keyboard.press('Control+Shift+z')
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 4 decided · 54 in gold')
  expect(keysOf(dbSpans(file, A), GOLD)).toEqual([...agreed, ...decided].sort())
  // The annotators' own layers are never touched by review.
  expect(layer(dbSpans(file, A), 'minji')).toHaveLength(57)
  expect(layer(dbSpans(file, A), 'junho')).toHaveLength(57)

  // The status filter lists the document under In review, then under Reviewed once marked.
  const filter = page.getByLabel('Filter by review status')
  const listedDocs = page.locator('[data-testid^="doc-item-"]')
  await filter.selectOption('in_review')
  await expect(listedDocs).toHaveCount(1)
  await expect(docItem(page, A)).toBeVisible()
  await reviewPane(page, A).getByRole('button', { name: 'Mark reviewed' }).click()
  // Eight of the twelve differences are undecided: marking reviewed asks first.
  const ask = page.getByRole('dialog', { name: 'Mark reviewed?' })
  await expect(ask).toContainText('8 of 12 differences are undecided — mark reviewed anyway?')
  await ask.getByRole('button', { name: 'Mark reviewed anyway' }).click()
  await expect(reviewPane(page, A).getByRole('button', { name: 'Mark reviewed' })).toBeDisabled()
  await expect(reviewPane(page, A).getByLabel('Review status')).toHaveValue('reviewed')
  await expect(listedDocs).toHaveCount(0)
  await filter.selectOption('reviewed')
  await expect(listedDocs).toHaveCount(1)
  await expect(statusBadge(page, A)).toHaveText('Reviewed')
  await filter.selectOption('unreviewed')
  await expect(listedDocs).toHaveCount(4)
  await expect(docItem(page, A)).toHaveCount(0)
  await filter.selectOption('all')
  await expect(listedDocs).toHaveCount(5)
  expect(dbReviewStatus(file, A)).toBe('reviewed')
  expect(dbReviewStatus(file, B)).toBe('unreviewed')

  // The CLI exports the gold layer: 54 spans in 000, none elsewhere.
  const out = join(home, 'gold.jsonl')
  cli(home, ['export', '--project', file, '--annotator', 'gold', '--out', out])
  const lines = parseJsonl(readFileSync(out, 'utf8'))
  expect(lines.map((l) => [l.id, l.annotator, l.spans.length])).toEqual([
    [A, 'gold', 54],
    [B, 'gold', 0],
    [C, 'gold', 0],
    [D, 'gold', 0],
    [E, 'gold', 0]
  ])
  const exported = lines[0]?.spans ?? []
  expect(exported.map(key).sort()).toEqual([...agreed, ...decided].sort())
  expect(exported.find((s) => key(s) === '651:657:DATE')?.text).toBe('지난해 1월')

  // Leaving review mode shows the pane's layer again.
  await pane(page, 0).getByRole('button', { name: 'Leave review' }).click()
  await expect(reviewPane(page, A)).toHaveCount(0)
  await expect(docText(page, A)).toBeVisible()
})

test('a pane shows another annotator’s layer read-only, and the gold layer after accepts', async ({ page, home, startServer }) => {
  const server = await openReviewProject(page, home, startServer)
  const file = server.projectFile
  await openDoc(page, A)
  const select = layerSelect(page, 0)
  await expect(select).toHaveValue('alice')
  await expect(pane(page, 0).getByText('read-only', { exact: true })).toHaveCount(0)
  await expect(marks(page, A)).toHaveCount(0)

  // junho's layer: his 57 spans, read-only.
  await select.selectOption('junho')
  await expect(pane(page, 0).getByText('read-only', { exact: true })).toBeVisible()
  await expect(docText(page, A)).toHaveAttribute('data-layer', 'junho')
  await expect(marks(page, A)).toHaveCount(57)
  await expect(pane(page, 0).locator('.pane-count')).toHaveText('57 spans')
  const junho = layer(dbSpans(file, A), 'junho')
  const shown = await renderedSpans(page, A)
  const byId = (list: { id: number; label: string }[]): string[] => list.map((s) => `${s.id} ${s.label}`).sort()
  expect(byId(shown)).toEqual(byId(junho))
  // His label conflict: 오픈AI 575–579 is a person in his layer.
  const conflict = junho.find((s) => s.start === 575 && s.end === 579)
  expect(conflict?.label).toBe('PERSON')
  await expect(docText(page, A).locator(`mark[data-span-id="${conflict?.id}"]`)).toHaveAttribute('data-label', 'PERSON')

  // A label key there is refused and writes nothing; so is Delete on one of his spans.
  const before = dbSpans(file)
  await selectText(page, A, '업계에 따르면')
  await page.keyboard.press('1')
  await expect(status(page)).toContainText('read-only')
  await expect(status(page)).toContainText('junho')
  await docText(page, A).locator(`mark[data-span-id="${conflict?.id}"]`).click()
  await page.keyboard.press('Delete')
  await expect(status(page)).toHaveText('That span is in another layer, which is read-only here. Switch the pane to your layer to change it.')
  await expect(marks(page, A)).toHaveCount(57)
  expect(dbSpans(file)).toEqual(before)

  // Accept two differences in review mode, then show the gold layer: exactly those two.
  await startReview(page, 0, A)
  await option(page, A, '253:255:MEETING').getByRole('button', { name: 'Accept' }).click()
  await expect(summary(page, A)).toContainText('1 in gold')
  await option(page, A, '940:944:ORGANISATION').getByRole('button', { name: 'Accept' }).click()
  await expect(summary(page, A)).toContainText('2 in gold')
  await pane(page, 0).getByRole('button', { name: 'Leave review' }).click()
  await expect(docText(page, A)).toHaveAttribute('data-layer', 'junho')
  await expect(select).toContainText('gold')
  await select.selectOption('gold')
  await expect(docText(page, A)).toHaveAttribute('data-layer', 'gold')
  await expect(pane(page, 0).getByText('read-only', { exact: true })).toBeVisible()
  await expect(marks(page, A)).toHaveCount(2)
  const gold = layer(dbSpans(file, A), GOLD)
  expect(gold.map(key)).toEqual(['253:255:MEETING', '940:944:ORGANISATION'])
  const goldShown = await renderedSpans(page, A)
  expect(goldShown.map((s) => [s.id, s.label, s.text])).toEqual(gold.map((s, i) => [s.id, s.label, ['만남', '삼성전자'][i]]))

  // Back on my own layer the same key labels the selection (the refusal above was the layer's doing).
  await select.selectOption('alice')
  await expect(pane(page, 0).getByText('read-only', { exact: true })).toHaveCount(0)
  await expect(marks(page, A)).toHaveCount(0)
  await selectText(page, A, '업계에 따르면')
  await page.keyboard.press('1')
  await expect(marks(page, A)).toHaveCount(1)
  expect(layer(dbSpans(file, A), 'alice').map((s) => s.label)).toEqual(['PERSON'])
})

test('the review pane opens beside a normal pane, updates it live, and the layout survives a reload', async ({ page, home, startServer }) => {
  const server = await openReviewProject(page, home, startServer)
  await openDoc(page, A)
  await layerSelect(page, 0).selectOption('gold')
  await expect(docText(page, A)).toHaveAttribute('data-layer', 'gold')
  await expect(marks(page, A)).toHaveCount(0)

  // Ctrl+click opens the same document beside it; that pane goes into review mode.
  await docItem(page, A).click({ modifiers: ['Control'] })
  await expect(pane(page, 1).getByTestId(`doc-text-${A}`)).toBeVisible()
  await startReview(page, 1, A)
  await expect(pane(page, 1).getByText('Review: junho · minji')).toBeVisible()
  await expect(pane(page, 0).getByTestId(`doc-text-${A}`)).toBeVisible()
  const box0 = await pane(page, 0).boundingBox()
  const box1 = await pane(page, 1).boundingBox()
  expect(box0 && box1).toBeTruthy()
  if (box0 && box1) {
    expect(box1.x).toBeGreaterThanOrEqual(box0.x + box0.width - 1)
    expect(Math.abs(box1.y - box0.y)).toBeLessThan(2)
  }

  // Review keys act only while the review pane is the active one.
  const selected = candidates(page, A).locator('li[aria-selected="true"]')
  await page.keyboard.press('n')
  await expect(selected).toHaveAttribute('data-candidate', '253:255:MEETING')
  await docText(page, A).click({ position: { x: 5, y: 5 } })
  await expect(pane(page, 0)).toHaveClass(/active/)
  await page.keyboard.press('n')
  await page.keyboard.press('Shift+A')
  await expect(selected).toHaveAttribute('data-candidate', '253:255:MEETING')
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 0 decided · 0 in gold')

  // Back in the review pane, Shift+A fills gold, and the gold pane beside it shows the spans at once.
  await summary(page, A).click()
  await expect(pane(page, 1)).toHaveClass(/active/)
  await page.keyboard.press('Shift+A')
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 0 decided · 51 in gold')
  await expect(marks(page, A)).toHaveCount(51)
  await page.keyboard.press('a')
  await expect(option(page, A, '253:255:MEETING')).toHaveAttribute('data-decision', 'accepted')
  await expect(marks(page, A)).toHaveCount(52)
  await expect(pane(page, 0).locator('.pane-count')).toHaveText('52 spans')

  await expect
    .poll(() => dbSetting(server.projectFile, 'layout'))
    .toMatchObject({ panes: [{ docId: A, layer: 'gold' }, { docId: A, review: ['junho', 'minji'] }], active: 1 })
  await page.reload()
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true')
  await expect(page.locator('section[data-testid^="pane-"]')).toHaveCount(2)
  await expect(layerSelect(page, 0)).toHaveValue('gold')
  await expect(pane(page, 0).getByText('read-only', { exact: true })).toBeVisible()
  await expect(marks(page, A)).toHaveCount(52)
  await expect(pane(page, 1).getByTestId(`review-${A}`)).toBeVisible()
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 1 decided · 52 in gold')
  await expect(option(page, A, '253:255:MEETING')).toHaveAttribute('data-decision', 'accepted')
  await expect(pane(page, 1)).toHaveClass(/active/)
  // The restored review pane is live: its keys work at once.
  await page.keyboard.press('n')
  await expect(selected).toHaveAttribute('data-candidate', '452:454:DATE')
})

test('docs/review.png: review mode on a document two annotators labelled', async ({ page, home, startServer }) => {
  await page.setViewportSize({ width: 1400, height: 850 })
  await openReviewProject(page, home, startServer)
  await openDoc(page, A)
  await startReview(page, 0, A)
  // A review under way: the agreed spans and one difference accepted, one rejected, the label conflict selected.
  await page.keyboard.press('Shift+A')
  await expect(summary(page, A)).toContainText('51 in gold')
  await page.keyboard.press('n')
  await page.keyboard.press('a')
  await expect(option(page, A, '253:255:MEETING')).toHaveAttribute('data-decision', 'accepted')
  await page.keyboard.press('n')
  await page.keyboard.press('r')
  await expect(option(page, A, '452:454:DATE')).toHaveAttribute('data-decision', 'rejected')
  await option(page, A, '575:579:ORGANISATION').click({ position: { x: 3, y: 3 } })
  await expect(option(page, A, '575:579:ORGANISATION')).toHaveAttribute('aria-selected', 'true')
  await expect(summary(page, A)).toHaveText('51 agreed · 12 differences · 2 decided · 52 in gold')

  // A clean frame: no hover, the selected conflict in view, fonts loaded.
  await page.mouse.move(1399, 849)
  await page.evaluate(async () => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    document.querySelector('[data-candidate="575:579:ORGANISATION"].span')?.scrollIntoView({ block: 'center' })
    await document.fonts.ready
  })
  const png = await page.screenshot({ path: join(screensDir(), 'review.png') }) // docs/ only under `npm run screens`
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1400, 850])
})
