import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { expect, openApp, test, type SpanmarkServer } from './fixtures'
import { codePointRange, markById, openDoc, savedStatus, SEED_IDS, seedText, status, textEdgePoints } from './helpers'

/**
 * Drag from span to span makes a link: a real mouse pressed on the MEETING mark and released on
 * another mark, in Chromium. A drag that ends on plain text stays a text selection.
 */
const A = SEED_IDS[0]

function dbRelations(projectFile: string): { from_span: number; to_span: number; type: string }[] {
  const db = new Database(projectFile, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    return db.prepare('SELECT from_span, to_span, type FROM relations ORDER BY id').all() as never
  } finally {
    db.close()
  }
}

/** Creates alice's span on the first occurrence of needle in A (through the API); returns its id. */
async function span(server: SpanmarkServer, needle: string, label: string): Promise<number> {
  const r = await server.api('createSpan', { docId: A, annotator: 'alice', ...codePointRange(seedText(A), needle), label })
  if (!r.body.ok) throw new Error(`createSpan ${needle}: ${r.body.error?.message}`)
  return (r.body.result as { changes: { spanId: number }[] }).changes[0]!.spanId
}

/** The middle of a span's (first) mark on screen. */
async function centre(page: Page, id: number): Promise<{ x: number; y: number }> {
  const box = await markById(page, A, id).first().boundingBox()
  if (!box) throw new Error(`mark ${id} is not laid out`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** Presses the mouse at `from` and moves it, in steps, to `to` (the button stays down). */
async function pressAndMove(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 4 })
}

test('dragging from a meeting to a person links them as participant, to a date as date; shown in the panel, undone by Ctrl+Z', async ({ page, server }) => {
  const meeting = await span(server, '회동', 'MEETING')
  const chey = await span(server, '최태원', 'PERSON')
  const day = await span(server, '4일', 'DATE')
  await openApp(page, server)
  await openDoc(page, A)
  await expect(markById(page, A, day)).toBeVisible()

  // While the button is down over the person: an arrow from the meeting, both ends ringed.
  await pressAndMove(page, await centre(page, meeting), await centre(page, chey))
  await expect(page.getByTestId('link-drag-arrow')).toHaveAttribute('data-valid', 'true')
  await expect(markById(page, A, meeting)).toHaveAttribute('data-linked', 'from')
  await expect(markById(page, A, chey)).toHaveAttribute('data-linked', 'to')
  // The text selection the drag also makes is not painted over a target; released, nothing stays selected.
  await expect(page.getByTestId('pane-0')).toHaveAttribute('data-link-drag', 'valid')
  await page.screenshot({ path: '/tmp/links-dragging.png' })
  await page.mouse.up()
  await expect(status(page)).toHaveText(savedStatus('Link Participant: “회동” → “최태원”'))
  await expect(page.getByTestId('link-drag-arrow')).toHaveCount(0)
  await expect(markById(page, A, chey)).not.toHaveAttribute('data-linked', /.*/)
  // The source is selected, so the links strip lists the new link.
  await expect(markById(page, A, meeting)).toHaveClass(/selected/)
  const panel = page.getByTestId('pane-0').getByTestId('relations-panel')
  await expect(panel.locator('li')).toHaveText([/^Participant → 최태원/])
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('')

  // DATE fits both "date" and the catch-all "place": the role that names DATE wins.
  await pressAndMove(page, await centre(page, meeting), await centre(page, day))
  await page.mouse.up()
  await expect(status(page)).toHaveText(savedStatus('Link Date: “회동” → “4일”'))
  await expect(panel.locator('li')).toHaveText([/^Participant → 최태원/, /^Date → 4일/])
  await page.screenshot({ path: '/tmp/links-drag.png' })
  expect(dbRelations(server.projectFile)).toEqual([
    { from_span: meeting, to_span: chey, type: 'participant' },
    { from_span: meeting, to_span: day, type: 'date' }
  ])

  // Each drag is one undo step.
  await page.keyboard.press('Control+z')
  await expect(status(page)).toHaveText(savedStatus('Undo: Link Date: “회동” → “4일”'))
  await expect(panel.locator('li')).toHaveText([/^Participant → 최태원/])
  await page.keyboard.press('Control+z')
  await expect(panel).toContainText('No links yet.')
  expect(dbRelations(server.projectFile)).toEqual([])
})

test('a drag from a mark that ends on plain text selects the text and links nothing; Escape cancels a drag over a target', async ({ page, server }) => {
  const meeting = await span(server, '회동', 'MEETING')
  const chey = await span(server, '최태원', 'PERSON')
  await openApp(page, server)
  await openDoc(page, A)
  await expect(markById(page, A, meeting)).toBeVisible()

  // From the meeting to plain text before it ("더플라자 호텔"): an ordinary selection, no link.
  const plain = await textEdgePoints(page, A, '더플라자 호텔')
  await pressAndMove(page, await centre(page, meeting), plain.start)
  await expect(page.getByTestId('link-drag-arrow')).toHaveAttribute('data-valid', 'false')
  await expect(page.getByTestId('pane-0')).toHaveAttribute('data-link-drag', 'active')
  await page.mouse.up()
  await expect(page.getByTestId('link-drag-arrow')).toHaveCount(0)
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '')
  expect(selected).toContain('호텔 서울에서')
  // The selection is a real one: a label key labels it (a nested span over the meeting's text).
  await page.keyboard.press('2')
  await expect(status(page)).toHaveText(/Saved at .* — /)
  expect(dbRelations(server.projectFile)).toEqual([])

  // Escape while over a fitting target: nothing is linked on release.
  await pressAndMove(page, await centre(page, meeting), await centre(page, chey))
  await expect(markById(page, A, chey)).toHaveAttribute('data-linked', 'to')
  await page.keyboard.press('Escape')
  await expect(status(page)).toHaveText('Link cancelled')
  await expect(page.getByTestId('link-drag-arrow')).toHaveCount(0)
  await expect(markById(page, A, chey)).not.toHaveAttribute('data-linked', /.*/)
  await page.mouse.up()
  expect(dbRelations(server.projectFile)).toEqual([])
})

test('when two roles name the target label, a chooser at the drop point asks which', async ({ page, server }) => {
  // A project whose schema has a second MEETING → PERSON role.
  const db = new Database(server.projectFile)
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare(`INSERT INTO relation_roles (type, name, hotkey, from_labels, to_labels, position) VALUES ('host', 'Host', 'h', '["MEETING"]', '["PERSON"]', 3)`).run()
  } finally {
    db.close()
  }
  const meeting = await span(server, '회동', 'MEETING')
  const chey = await span(server, '최태원', 'PERSON')
  await openApp(page, server)
  await openDoc(page, A)
  await pressAndMove(page, await centre(page, meeting), await centre(page, chey))
  await page.mouse.up()
  const chooser = page.getByTestId('link-role-chooser')
  await expect(chooser).toContainText('Link “회동” → “최태원” as')
  await expect(chooser.getByRole('button')).toHaveText(['Participant', 'Place', 'Host', 'Cancel'])
  await page.screenshot({ path: '/tmp/links-chooser.png' })
  // Escape closes it without a link; the next drop asks again.
  await page.keyboard.press('Escape')
  await expect(chooser).toHaveCount(0)
  await expect(status(page)).toHaveText('Link cancelled')
  expect(dbRelations(server.projectFile)).toEqual([])
  await pressAndMove(page, await centre(page, meeting), await centre(page, chey))
  await page.mouse.up()
  await chooser.getByRole('button', { name: 'Host' }).click()
  await expect(status(page)).toHaveText(savedStatus('Link Host: “회동” → “최태원”'))
  await expect(chooser).toHaveCount(0)
  expect(dbRelations(server.projectFile)).toEqual([{ from_span: meeting, to_span: chey, type: 'host' }])
})
