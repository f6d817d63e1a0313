import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { codePointRange, dbSpans, docText, SEED_IDS, seedText, status } from './helpers'

test.use({ serverOptions: { annotator: 'alice', emptyProject: false } })

const input = (page: Page) => page.getByTestId('search-input')
const hit = (page: Page, i: number) => page.getByTestId(`search-hit-${i}`)
const hitsOf = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option')
const selection = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '')

/** Index of the first listed hit in docId (the list is in document id order, then text order). */
async function firstHitIn(page: Page, docId: string): Promise<number> {
  const ids = await hitsOf(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-doc-id')))
  const at = ids.indexOf(docId)
  if (at < 0) throw new Error(`no hit listed in ${docId}: ${ids.join(', ')}`)
  return Number((await hitsOf(page).nth(at).getAttribute('data-testid'))?.replace('search-hit-', ''))
}

test('typing a name lists hits across the seeds with context; a hit opens its document selected, and 1 labels it exactly there', async ({ page, server }) => {
  const total = SEED_IDS.reduce((n, id) => n + seedText(id).split('올트먼').length - 1, 0)
  await openApp(page, server)
  await page.keyboard.press('Control+Shift+F')
  await expect(input(page)).toBeFocused()
  await page.keyboard.type('올트먼')
  await expect(page.getByTestId('search-summary')).toHaveText(new RegExp(`^${total} hits in 5 of 5 documents · \\d+ ms`))
  // The document list makes room for the hits; each hit shows its document and the text around it.
  await expect(page.getByTestId(`doc-item-${SEED_IDS[0]}`)).toBeHidden()
  const first = hit(page, 0)
  await expect(first.locator('.kwic-match')).toHaveText('올트먼')
  await expect(first.locator('.doc-id')).toHaveText(SEED_IDS[0])
  expect(((await first.locator('.kwic-before').textContent()) ?? '').length + ((await first.locator('.kwic-after').textContent()) ?? '').length).toBeGreaterThan(10)
  const listed = await hitsOf(page).evaluateAll((els) => new Set(els.map((el) => el.getAttribute('data-doc-id'))).size)
  expect(listed).toBeGreaterThanOrEqual(2)

  // A hit in another document than the first: its second occurrence there, so the selection is not simply the first one.
  const doc = SEED_IDS[1]
  const index = (await firstHitIn(page, doc)) + 1
  await hit(page, index).click()
  await expect(docText(page, doc)).toBeVisible()
  await expect.poll(() => selection(page)).toBe('올트먼')
  await expect(docText(page, doc)).toBeFocused()
  await expect(hit(page, index)).toHaveAttribute('aria-selected', 'true')

  await page.keyboard.press('1')
  const expected = codePointRange(seedText(doc), '올트먼', 1)
  await expect.poll(() => dbSpans(server.projectFile, doc).map((s) => [s.start, s.end, s.label, s.annotator])).toEqual([
    [expected.start, expected.end, 'PERSON', 'alice']
  ])
  await expect(status(page)).toContainText('Label “올트먼” as Person')
  await page.screenshot({ path: '/tmp/search-results.png' })
})

test('Enter opens the chosen hit in the active pane; Ctrl+Enter opens it beside', async ({ page, server }) => {
  await openApp(page, server)
  await input(page).click()
  await input(page).fill('최태원')
  await expect(hit(page, 0)).toBeVisible()
  await page.keyboard.press('Enter')
  const first = (await hit(page, 0).getAttribute('data-doc-id')) ?? ''
  await expect(page.getByTestId('pane-0').getByTestId(`doc-text-${first}`)).toBeVisible()
  await expect.poll(() => selection(page)).toBe('최태원')

  // Arrow down to a hit in another document, then Ctrl+Enter: a second pane beside the first.
  await input(page).focus()
  const other = await firstHitIn(page, SEED_IDS.find((id) => id !== first && seedText(id).includes('최태원')) ?? '')
  for (let i = 0; i < other; i++) await page.keyboard.press('ArrowDown')
  await expect(hit(page, other)).toHaveAttribute('aria-selected', 'true')
  const otherDoc = (await hit(page, other).getAttribute('data-doc-id')) ?? ''
  await page.keyboard.press('Control+Enter')
  await expect(page.locator('section[data-testid^="pane-"]')).toHaveCount(2)
  await expect(page.getByTestId('pane-0').getByTestId(`doc-text-${first}`)).toBeVisible()
  await expect(page.getByTestId('pane-1').getByTestId(`doc-text-${otherDoc}`)).toBeVisible()
  await expect.poll(() => selection(page)).toBe('최태원')
  await expect(page.getByTestId('pane-1').getByTestId(`doc-text-${otherDoc}`)).toBeFocused()

  // A hit in a document already open in the other pane is shown there, not opened a second time.
  await hit(page, 0).click()
  await expect(page.getByTestId('pane-0').getByTestId(`doc-text-${first}`)).toBeFocused()
  await expect(page.locator('section[data-testid^="pane-"]')).toHaveCount(2)
  await expect(page.getByTestId('pane-1').getByTestId(`doc-text-${otherDoc}`)).toBeVisible()
  await expect.poll(() => selection(page)).toBe('최태원')

  // Escape clears the search and gives the document list back.
  await input(page).focus()
  await page.keyboard.press('Escape')
  await expect(input(page)).toHaveValue('')
  await expect(page.getByTestId(`doc-item-${SEED_IDS[0]}`)).toBeVisible()
  // A second Escape leaves the box; / (when not typing) comes back to it.
  await page.keyboard.press('Escape')
  await expect(input(page)).not.toBeFocused()
  await page.keyboard.press('/')
  await expect(input(page)).toBeFocused()
  await expect(input(page)).toHaveValue('')
})

test('a regular expression finds \\d+월; a bad one says what is wrong; a label filter keeps hits in such spans', async ({ page, server }) => {
  const months = SEED_IDS.flatMap((id) => seedText(id).match(/\d+월/gu) ?? [])
  await openApp(page, server)
  await input(page).fill('\\d+월')
  await page.getByRole('button', { name: '.*' }).click()
  await expect(page.getByTestId('search-summary')).toHaveText(new RegExp(`^${months.length} hits in `))
  const matches = await hitsOf(page).locator('.kwic-match').allTextContents()
  expect(matches).toEqual(months.slice(0, matches.length))

  await input(page).fill('\\d+(월')
  await expect(page.locator('.search-error')).toContainText('“\\d+(월” is not a valid regular expression')
  await expect(hitsOf(page)).toHaveCount(0)

  // Label one 올트먼 as PERSON, then search it only inside PERSON spans.
  const doc = SEED_IDS[1]
  const range = codePointRange(seedText(doc), '올트먼', 0)
  const created = await server.api('createSpan', { docId: doc, annotator: 'alice', ...range, label: 'PERSON' })
  expect(created.body.ok).toBe(true)
  await page.getByRole('button', { name: '.*' }).click()
  await input(page).fill('올트먼')
  await page.getByLabel('Only inside spans labelled').selectOption('PERSON')
  await expect(page.getByTestId('search-summary')).toHaveText(/^1 hit in 1 of 5 documents/)
  await expect(hit(page, 0)).toHaveAttribute('data-doc-id', doc)
  await expect(hit(page, 0).locator('.hit-label')).toHaveText('PERSON')
})

test.describe('a long document', () => {
  test('a hit near the end of a windowed document is scrolled to and selected', async ({ page, server }) => {
    // Over 200,000 UTF-16 units (windowed), with an emoji on every line so code points and UTF-16 differ.
    const line = '최태원 SK그룹 회장과 샘 올트먼 오픈AI 최고경영자가 4일 회동했다. 😀\n'
    const text = line.repeat(Math.ceil(210_000 / line.length)) + '마지막 줄에만 나오는 낱말은 끝자락이다.\n' + line.repeat(3)
    const jsonl = JSON.stringify({ id: 'long', text }) + '\n'
    const imported = await server.api('importFiles', { annotator: 'alice', files: [{ name: 'long.jsonl', base64: Buffer.from(jsonl).toString('base64') }] })
    expect(imported.body.ok).toBe(true)
    await openApp(page, server)
    await input(page).fill('끝자락')
    await expect(hit(page, 0)).toHaveAttribute('data-doc-id', 'long')
    await hit(page, 0).click()
    const container = docText(page, 'long')
    await expect(container).toBeVisible()
    await expect.poll(() => selection(page)).toBe('끝자락')
    // Windowed: the start of the document is no longer rendered, the hit's line is, and it is in view.
    await expect(container.locator('.block[data-offset="0"]')).toHaveCount(0)
    const inView = await page.evaluate(() => {
      const r = window.getSelection()?.getRangeAt(0).getBoundingClientRect()
      const box = document.querySelector('[data-testid="pane-0"] .doc-scroll')?.getBoundingClientRect()
      return r && box ? r.top >= box.top && r.bottom <= box.bottom : false
    })
    expect(inView).toBe(true)
    await page.keyboard.press('1')
    // Snapping to words (on by default) takes the whole eojeol; 이다 is not a particle the rule trims.
    const expected = codePointRange(text, '끝자락이다')
    await expect.poll(() => dbSpans(server.projectFile, 'long').map((s) => [s.start, s.end, s.label])).toEqual([[expected.start, expected.end, 'PERSON']])
    await page.screenshot({ path: '/tmp/search-long.png' })
  })
})
