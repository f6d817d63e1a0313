import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openApp, test } from './fixtures'
import {
  codePointRange,
  dbSpans,
  docItem,
  docText,
  exportJsonl,
  importFiles,
  marks,
  openDoc,
  parseJsonl,
  renderedSpans,
  SEED_IDS,
  seedText,
  selectText,
  sidebarCount,
  spanWithText
} from './helpers'

const [A] = SEED_IDS

test('File → Export… downloads one canonical JSON line per document with code point offsets', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
  const text = seedText(A)
  // Made out of order, with two spans on one range and two sharing a start, to check the sort.
  const made: [string, number, string][] = [
    ['회동', 0, '4'],
    ['회동', 0, '3'],
    ['SK그룹 회장', 0, '1'],
    ['SK그룹', 0, '2'],
    ['최태원', 0, '1']
  ]
  for (const [i, [needle, nth, key]] of made.entries()) {
    await selectText(page, A, needle, nth)
    await page.keyboard.press(key)
    await expect(sidebarCount(page, A)).toHaveText(String(i + 1))
  }

  const { download, content } = await exportJsonl(page)
  expect(download.suggestedFilename()).toBe('default-project-alice.jsonl')
  expect(content.endsWith('\n')).toBe(true)
  expect(content.split('\n')).toHaveLength(SEED_IDS.length + 1)
  const lines = parseJsonl(content)
  expect(lines.map((l) => l.id)).toEqual([...SEED_IDS])
  for (const line of lines) {
    expect(Object.keys(line)).toEqual(['id', 'text', 'annotator', 'meta', 'spans'])
    expect(line.text).toBe(seedText(line.id))
    expect(line.annotator).toBe('alice')
    expect(line.meta).toEqual({})
    if (line.id !== A) expect(line.spans).toEqual([])
  }

  const spans = lines[0]?.spans ?? []
  const expected = [
    { ...codePointRange(text, '최태원'), label: 'PERSON', text: '최태원' },
    { ...codePointRange(text, 'SK그룹'), label: 'ORGANISATION', text: 'SK그룹' },
    { ...codePointRange(text, 'SK그룹 회장'), label: 'PERSON', text: 'SK그룹 회장' },
    { ...codePointRange(text, '회동'), label: 'DATE', text: '회동' },
    { ...codePointRange(text, '회동'), label: 'MEETING', text: '회동' }
  ]
  expect(spans).toEqual(expected)
  const chars = [...text]
  for (const s of spans) expect(chars.slice(s.start, s.end).join('')).toBe(s.text)
  // Sorted by start, then end, then label.
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label))
  expect(spans).toEqual(sorted)
})

test('File → Export… in doccano format writes UTF-16 offsets for doccano', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
  await selectText(page, A, '샘 올트먼')
  await page.keyboard.press('1')
  await expect(sidebarCount(page, A)).toHaveText('1')
  const { download, content } = await exportJsonl(page, 'doccano')
  expect(download.suggestedFilename()).toBe('default-project-alice-doccano.jsonl')
  const first = JSON.parse(content.split('\n')[0] as string) as { id: string; text: string; label: [number, number, string][] }
  expect(Object.keys(first)).toEqual(['id', 'text', 'label'])
  const [[s, e, label]] = first.label as [[number, number, string]]
  expect([first.text.slice(s, e), label]).toEqual(['샘 올트먼', 'PERSON']) // JavaScript string indices are UTF-16
})

test('the File menu opens on Import…, arrow keys move through it, Escape or a click elsewhere closes it', async ({ page, server }) => {
  await openApp(page, server)
  const file = page.getByRole('button', { name: 'File', exact: true })
  await expect(file).toHaveAttribute('aria-haspopup', 'menu')
  await file.click()
  await expect(page.getByRole('menu', { name: 'File' })).toBeVisible()
  await expect(file).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByRole('menuitem', { name: 'Import…' })).toBeFocused()
  await expect(page.getByRole('menuitem', { name: 'Export…' })).toBeVisible()
  // Arrow keys move between the items and wrap around.
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Export…' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Merge project…' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Export meetings…' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Build dataset…' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Restore from backup…' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Import…' })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(page.getByRole('menuitem', { name: 'Restore from backup…' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(file).toHaveAttribute('aria-expanded', 'false')
  await expect(file).toBeFocused()

  await file.click()
  await expect(page.getByRole('menu')).toBeVisible()
  await page.locator('main.pane-area').click()
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test.describe('File → Import…', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 4\d\d .*\/api\/importFiles\)$/] })

  test('imports a JSONL document with emoji, astral Hanja and CRLF, its spans on the right characters', async ({ page, server }) => {
    await openApp(page, server)
    const id = 'family-001'
    const text = '가족 사진 👩‍👩‍👧 설명\r\n한자 𠀀 다음에 최태원 회장과 오픈AI가 나온다.\r\n마지막 줄 🎉 끝'
    const wanted: [string, string][] = [
      ['👩‍👩‍👧', 'MEETING'],
      ['설명\r\n한자', 'ORGANISATION'],
      ['𠀀 다음', 'DATE'],
      ['최태원', 'PERSON']
    ]
    const spans = wanted.map(([t, label]) => ({ ...codePointRange(text, t), label, text: t }))
    // The UTF-16 and code point offsets differ after the emoji: the file must use code points.
    expect(codePointRange(text, '최태원').start).toBeLessThan(text.indexOf('최태원'))
    const file = join(server.home, 'family.jsonl')
    writeFileSync(file, JSON.stringify({ id, text, meta: { source: 'e2e' }, spans }) + '\r\n')

    const dialog = await importFiles(page, [file])
    await expect(dialog.getByRole('status')).toContainText('Imported 1 new document and 4 new spans from 1 file.')
    await expect(dialog.getByRole('status')).toContainText('family.jsonl: 1 document, 1 new; 4 spans, 4 new')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()

    await expect(page.locator('[data-testid^="doc-item-"]')).toHaveCount(6)
    await expect(sidebarCount(page, id)).toHaveText('4')
    await openDoc(page, id)
    expect(await docText(page, id).evaluate((el) => el.textContent)).toBe(text)
    const shown = await renderedSpans(page, id)
    expect(shown.map((s) => [s.text, s.label])).toEqual(wanted)
    for (const [t] of wanted) await spanWithText(page, id, t)
    // The span over the line break is drawn in each line's block.
    expect(shown[1]?.elements).toBe(2)

    // A span made in the UI after the astral characters is stored in code points ...
    await selectText(page, id, '오픈AI')
    await page.keyboard.press('2')
    const made = await spanWithText(page, id, '오픈AI')
    expect(made.label).toBe('ORGANISATION')
    await expect(sidebarCount(page, id)).toHaveText('5')
    const stored = dbSpans(server.projectFile, id).find((s) => s.id === made.id)
    expect(stored).toMatchObject({ ...codePointRange(text, '오픈AI'), label: 'ORGANISATION', annotator: 'alice' })

    // ... and exported so that code point slicing gives every span's text back.
    const { content } = await exportJsonl(page)
    const lines = parseJsonl(content)
    expect(lines.map((l) => l.id)).toEqual([...SEED_IDS, id].sort())
    const line = lines.find((l) => l.id === id)
    expect(line?.text).toBe(text)
    expect(line?.meta).toEqual({ source: 'e2e' })
    const chars = [...text]
    expect(line?.spans.map((s) => [chars.slice(s.start, s.end).join(''), s.text, s.label])).toEqual(
      [...wanted, ['오픈AI', 'ORGANISATION'] as [string, string]]
        .map(([t, label]) => ({ ...codePointRange(text, t), t, label }))
        .sort((a, b) => a.start - b.start || a.end - b.end)
        .map((s) => [s.t, s.t, s.label])
    )
  })

  test('refuses a JSONL file with a bad line whole, naming the file and line', async ({ page, server }) => {
    await openApp(page, server)
    await expect(page.locator('[data-testid^="doc-item-"]')).toHaveCount(5)
    const file = join(server.home, 'bad.jsonl')
    const good = { id: 'bad-001', text: '최태원 회장', spans: [{ start: 0, end: 3, label: 'PERSON' }] }
    const bad = { id: 'bad-002', text: '서울 중구', spans: [{ start: 0, end: 2, label: 'LOCATION' }] }
    writeFileSync(file, JSON.stringify(good) + '\n' + JSON.stringify(bad) + '\n')

    const dialog = await importFiles(page, [file])
    const alert = dialog.getByRole('alert')
    await expect(alert).toContainText('Nothing was imported')
    await expect(alert).toContainText('bad.jsonl:2')
    await expect(alert).toContainText('unknown label "LOCATION"')
    await expect(dialog.getByRole('status')).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Close' }).click()

    await expect(page.locator('[data-testid^="doc-item-"]')).toHaveCount(5)
    await expect(docItem(page, 'bad-001')).toHaveCount(0)
    await expect(page.locator('.sidebar-heading')).toHaveText('Documents (5)')
    expect(dbSpans(server.projectFile)).toEqual([])
  })
})

test.describe('hostile text', () => {
  test.use({ serverOptions: { annotator: 'alice', emptyProject: true } })

  test('HTML in a document is shown as text and never run', async ({ page, server }) => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    const file = join(server.home, 'hostile.txt')
    writeFileSync(file, hostile)
    expect(readFileSync(file, 'utf8')).toBe(hostile)

    await openApp(page, server)
    await expect(page.locator('[data-testid^="doc-item-"]')).toHaveCount(0)
    const dialog = await importFiles(page, [file])
    await expect(dialog.getByRole('status')).toContainText('Imported 1 new document')
    await dialog.getByRole('button', { name: 'Close' }).click()

    await expect(docItem(page, 'hostile')).toBeVisible()
    await expect(docItem(page, 'hostile').locator('.doc-title')).toHaveText(hostile)
    await openDoc(page, 'hostile')
    const container = docText(page, 'hostile')
    expect(await container.evaluate((el) => el.textContent)).toBe(hostile)
    await expect(container.locator('img, script')).toHaveCount(0)
    await expect(page.locator('img')).toHaveCount(0)

    // Labelling the markup keeps it text, too.
    await selectText(page, 'hostile', '<script>')
    await page.keyboard.press('4')
    await spanWithText(page, 'hostile', '<script>')
    await expect(marks(page, 'hostile')).toHaveCount(1)
    expect(await container.evaluate((el) => el.textContent)).toBe(hostile)
    await expect(page.locator('img, #root script')).toHaveCount(0)
    expect(await page.evaluate(() => (window as Window & { __pwned?: unknown }).__pwned)).toBeUndefined()
  })
})
