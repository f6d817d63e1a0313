import { expect, openApp, test } from './fixtures'
import {
  codePointRange,
  dbSpans,
  docText,
  keyboardSelect,
  markById,
  marks,
  mouseSelect,
  openDoc,
  renderedSpans,
  savedStatus,
  SEED_IDS,
  seedText,
  selectText,
  sidebarCount,
  spanWithText,
  status
} from './helpers'

const [A, , , D] = SEED_IDS as unknown as [string, string, string, string, string]

test.beforeEach(async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
  await openDoc(page, D, { beside: true })
})

test('hotkeys label selections in two panes; sidebar counts, status and the project follow', async ({ page, server }) => {
  await expect(sidebarCount(page, A)).toHaveText('0')
  await expect(sidebarCount(page, D)).toHaveText('0')

  // Pane 1: a selection made with a DOM Range, labelled with hotkey 1.
  await selectText(page, A, '최태원')
  await page.keyboard.press('1')
  const person = await spanWithText(page, A, '최태원')
  expect(person.label).toBe('PERSON')
  await expect(markById(page, A, person.id)).toHaveClass(/selected/)
  await expect(status(page)).toHaveText(savedStatus('Label “최태원” as Person'))
  await expect(sidebarCount(page, A)).toHaveText('1')
  await expect(page.getByTestId('pane-0').locator('.pane-count')).toHaveText('1 span')

  // Pane 2: the second 오픈AI in 003, selected with the real mouse.
  await mouseSelect(page, D, '오픈AI', 1)
  await page.keyboard.press('2')
  const org = await spanWithText(page, D, '오픈AI')
  expect(org.label).toBe('ORGANISATION')
  await expect(status(page)).toHaveText(savedStatus('Label “오픈AI” as Organisation'))
  await expect(sidebarCount(page, D)).toHaveText('1')
  await expect(sidebarCount(page, A)).toHaveText('1')
  await expect(page.getByTestId('pane-1').locator('.pane-count')).toHaveText('1 span')

  // The spans landed in the project with code point offsets of the chosen occurrences.
  expect(dbSpans(server.projectFile)).toEqual([
    { id: person.id, doc_id: A, annotator: 'alice', ...codePointRange(seedText(A), '최태원'), label: 'PERSON' },
    { id: org.id, doc_id: D, annotator: 'alice', ...codePointRange(seedText(D), '오픈AI', 1), label: 'ORGANISATION' }
  ])
  // Labelling changes no text.
  expect(await docText(page, A).evaluate((el) => el.textContent)).toBe(seedText(A))
  expect(await docText(page, D).evaluate((el) => el.textContent)).toBe(seedText(D))
})

test('a selection made with the keyboard (click, then Shift+ArrowRight) can be labelled', async ({ page, server }) => {
  await keyboardSelect(page, A, 'SK그룹', 1)
  await page.keyboard.press('2')
  const org = await spanWithText(page, A, 'SK그룹')
  expect(org.label).toBe('ORGANISATION')
  await expect(status(page)).toHaveText(savedStatus('Label “SK그룹” as Organisation'))
  await expect(sidebarCount(page, A)).toHaveText('1')
  expect(dbSpans(server.projectFile, A)).toEqual([
    { id: org.id, doc_id: A, annotator: 'alice', ...codePointRange(seedText(A), 'SK그룹', 1), label: 'ORGANISATION' }
  ])
})

test('relabel, delete, undo and redo, across two panes', async ({ page, server }) => {
  await selectText(page, A, '최태원')
  await page.keyboard.press('1')
  const a = await spanWithText(page, A, '최태원')
  await selectText(page, D, '샘 올트먼')
  await page.keyboard.press('1')
  const b = await spanWithText(page, D, '샘 올트먼')
  await expect(sidebarCount(page, D)).toHaveText('1')

  // Relabel in pane 1: click the span, press 3.
  await markById(page, A, a.id).click()
  await expect(markById(page, A, a.id)).toHaveClass(/selected/)
  await page.keyboard.press('3')
  await expect(markById(page, A, a.id)).toHaveAttribute('data-label', 'DATE')
  await expect(status(page)).toHaveText(savedStatus('Relabel “최태원” as Date'))

  // Delete in pane 2: the last two actions are now in different panes.
  await markById(page, D, b.id).click()
  await expect(markById(page, D, b.id)).toHaveClass(/selected/)
  await page.keyboard.press('Delete')
  await expect(markById(page, D, b.id)).toHaveCount(0)
  await expect(sidebarCount(page, D)).toHaveText('0')
  expect(dbSpans(server.projectFile).map((s) => [s.id, s.label])).toEqual([[a.id, 'DATE']])

  // Ctrl+Z brings back the deleted span in pane 2 ...
  await page.keyboard.press('Control+z')
  await expect(markById(page, D, b.id)).toHaveAttribute('data-label', 'PERSON')
  await expect(markById(page, D, b.id)).toHaveText('샘 올트먼')
  await expect(sidebarCount(page, D)).toHaveText('1')
  await expect(markById(page, A, a.id)).toHaveAttribute('data-label', 'DATE')
  // ... and again reverts the relabel in pane 1.
  await page.keyboard.press('Control+z')
  await expect(markById(page, A, a.id)).toHaveAttribute('data-label', 'PERSON')
  await expect(markById(page, D, b.id)).toHaveAttribute('data-label', 'PERSON')
  expect(dbSpans(server.projectFile).map((s) => [s.id, s.label])).toEqual([
    [a.id, 'PERSON'],
    [b.id, 'PERSON']
  ])

  // Ctrl+Shift+Z reapplies the relabel, then the delete.
  await page.keyboard.press('Control+Shift+Z')
  await expect(markById(page, A, a.id)).toHaveAttribute('data-label', 'DATE')
  await expect(markById(page, D, b.id)).toHaveCount(1)
  await page.keyboard.press('Control+Shift+Z')
  await expect(markById(page, D, b.id)).toHaveCount(0)
  await expect(sidebarCount(page, D)).toHaveText('0')
  await expect(sidebarCount(page, A)).toHaveText('1')
  expect(dbSpans(server.projectFile).map((s) => [s.id, s.doc_id, s.label])).toEqual([[a.id, A, 'DATE']])

  // Undo of a span made in pane 2 while pane 1 is active removes it from pane 2.
  await selectText(page, D, '오픈AI')
  await page.keyboard.press('2')
  const c = await spanWithText(page, D, '오픈AI')
  await page.getByTestId('pane-0').locator('.pane-title').click()
  await expect(page.getByTestId('pane-0')).toHaveClass(/active/)
  await page.keyboard.press('Control+z')
  await expect(markById(page, D, c.id)).toHaveCount(0)
  await expect(markById(page, A, a.id)).toHaveAttribute('data-label', 'DATE')
  expect(dbSpans(server.projectFile).map((s) => s.id)).toEqual([a.id])
})

test('nested and crossing spans all stay in the DOM with their labels', async ({ page, server }) => {
  const text = seedText(A)
  const meeting = '최태원 SK그룹 회장과 샘 올트먼 오픈AI 최고경영자(CEO)가 4일 오전 서울 중구 더플라자 호텔 서울에서 회동'
  const crossing = '서울에서 회동을 마친'
  expect(text).toContain(meeting + '을 마친')

  await selectText(page, A, meeting)
  await page.keyboard.press('4')
  const m = await spanWithText(page, A, meeting)
  expect(m.label).toBe('MEETING')

  // An organisation inside the meeting span.
  await selectText(page, A, 'SK그룹')
  await page.keyboard.press('2')
  const o = await spanWithText(page, A, 'SK그룹')
  expect(o.label).toBe('ORGANISATION')
  await expect(docText(page, A).locator(`mark[data-span-id="${m.id}"] mark[data-span-id="${o.id}"]`)).toHaveText('SK그룹')

  // A span that starts inside the meeting span and ends after it: drawn as two pieces.
  await selectText(page, A, crossing)
  await page.keyboard.press('3')
  const x = await spanWithText(page, A, crossing)
  expect(x.label).toBe('DATE')
  expect(x.elements).toBe(2)
  await expect(docText(page, A).locator(`mark[data-span-id="${m.id}"] mark[data-span-id="${x.id}"]`)).toHaveText('서울에서 회동')

  const spans = await renderedSpans(page, A)
  expect(spans.map((s) => [s.label, s.text]).sort()).toEqual(
    [
      ['DATE', crossing],
      ['MEETING', meeting],
      ['ORGANISATION', 'SK그룹']
    ].sort()
  )
  // The meeting span holds both others (or a piece of them), so it is drawn whole, as one element.
  await expect(docText(page, A).locator('mark[data-label="MEETING"]')).toHaveCount(1)
  await expect(marks(page, A)).toHaveCount(4)
  expect(await docText(page, A).evaluate((el) => el.textContent)).toBe(text)
  await expect(sidebarCount(page, A)).toHaveText('3')

  expect(dbSpans(server.projectFile, A).map((s) => [s.label, s.start, s.end])).toEqual([
    ['MEETING', ...Object.values(codePointRange(text, meeting))],
    ['ORGANISATION', ...Object.values(codePointRange(text, 'SK그룹'))],
    ['DATE', ...Object.values(codePointRange(text, crossing))]
  ])
})

test('a triple-clicked line is labelled without its line break', async ({ page, server }) => {
  const line = 'AI 반도체 동맹 집중 논의'
  const box = await docText(page, D).locator('.block', { hasText: line }).first().boundingBox()
  expect(box).toBeTruthy()
  if (!box) return
  await page.mouse.click(box.x + 20, box.y + box.height / 2, { clickCount: 3 })
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(`${line}\n`)
  await page.keyboard.press('3')
  const span = await spanWithText(page, D, line)
  expect(span.label).toBe('DATE')
  const { start, end } = codePointRange(seedText(D), line)
  expect(dbSpans(server.projectFile, D).map((s) => [s.start, s.end, s.label])).toEqual([[start, end, 'DATE']])
})

test('clicking a label in the label bar labels the selection, then relabels the selected span', async ({ page, server }) => {
  const labels = page.getByRole('toolbar', { name: 'Labels' })
  await expect(labels.getByRole('button')).toHaveText(['1Person', '2Organisation', '3Date', '4Meeting'])
  await selectText(page, A, '회동')
  await labels.getByRole('button', { name: /Meeting/ }).click()
  const span = await spanWithText(page, A, '회동')
  expect(span.label).toBe('MEETING')
  await labels.getByRole('button', { name: /Date/ }).click()
  await expect(markById(page, A, span.id).first()).toHaveAttribute('data-label', 'DATE')
  expect(dbSpans(server.projectFile, A).map((s) => s.label)).toEqual(['DATE'])
})
