import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { dbSpans, docItem, docText, marks, openDoc, SEED_IDS, seedText, selectText, status } from './helpers'

test.use({ serverOptions: { annotator: 'alice', emptyProject: false } })

interface DbRegion {
  doc_id: string
  start: number
  end: number
  source: string
  reason: string
}

/** The ignored regions stored in the project file. */
function dbRegions(projectFile: string, docId?: string): DbRegion[] {
  const db = new Database(projectFile, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const rows = db.prepare('SELECT doc_id, start, end, source, reason FROM ignored_regions ORDER BY doc_id, start').all() as DbRegion[]
    return docId === undefined ? rows : rows.filter((r) => r.doc_id === docId)
  } finally {
    db.close()
  }
}

const control = (page: Page, docId: string) => page.getByTestId(`boilerplate-${docId}`)

/** How many regions the detector suggests for each seed (src/shared/boilerplate.ts, test/unit/boilerplate.test.ts). */
const EXPECTED = [2, 4, 4, 3, 2]

test('the boilerplate of all five seeds is marked with the suggestion UI in three clicks per article', async ({ page, server }) => {
  await openApp(page, server)
  let clicks = 0
  for (const [i, id] of SEED_IDS.entries()) {
    await docItem(page, id).click()
    clicks++
    await expect(docText(page, id)).toBeVisible()
    const n = EXPECTED[i] as number
    const suggested = control(page, id).getByRole('button', { name: n === 1 ? '1 suggested region' : `${n} suggested regions` })
    await suggested.click()
    clicks++
    // The preview draws each suggested region dashed grey over the text, which stays the article's text exactly.
    await expect(docText(page, id).locator('[data-region-suggestion]').first()).toBeVisible()
    if (id === '002_350a00930be01512') await page.screenshot({ path: '/tmp/sugg-regions-preview.png' })
    expect(await docText(page, id).evaluate((el) => el.textContent)).toBe(seedText(id))
    await control(page, id).getByRole('button', { name: `Accept all (${n})` }).click()
    clicks++
    await expect(control(page, id).getByText(n === 1 ? '1 ignored region' : `${n} ignored regions`)).toBeVisible()
    await expect(docText(page, id).locator('[data-region-suggestion]')).toHaveCount(0)
    await expect(docText(page, id).locator('[data-ignored]').first()).toBeVisible()
    expect(dbRegions(server.projectFile, id)).toHaveLength(n)
    expect(await docText(page, id).evaluate((el) => el.textContent)).toBe(seedText(id))
  }
  expect(clicks).toBe(15)
  expect(dbRegions(server.projectFile)).toHaveLength(EXPECTED.reduce((a, b) => a + b, 0))
  expect(dbRegions(server.projectFile).every((r) => r.source === 'suggested' && r.reason !== '')).toBe(true)
  // Greyed text is drawn as such: the board table of 000 is in an ignored region, its article text is not.
  await openDoc(page, SEED_IDS[2])
  await page.screenshot({ path: '/tmp/sugg-regions-accepted.png' })
  const grey = await docText(page, SEED_IDS[2]).evaluate((el) => getComputedStyle(el.querySelector('[data-ignored]') as Element).color)
  expect(grey).toBe('rgb(173, 181, 189)')
})

test('greyed text cannot be labelled; Unmark makes it article text again; Shift+I marks a selection', async ({ page, server }) => {
  const DOC = SEED_IDS[0]
  await openApp(page, server)
  await openDoc(page, DOC)
  await control(page, DOC).getByRole('button', { name: '2 suggested regions' }).click()
  await control(page, DOC).getByRole('button', { name: 'Accept all (2)' }).click()
  await expect(control(page, DOC).getByText('2 ignored regions')).toBeVisible()

  await selectText(page, DOC, '랭크뉴스')
  await page.keyboard.press('1')
  await expect(status(page)).toHaveText('That text is marked as not article text (masthead; board table); unmark the region to label it.')
  await expect(marks(page, DOC)).toHaveCount(0)
  expect(dbSpans(server.projectFile, DOC)).toEqual([])

  // Click the greyed table, then Unmark.
  await docText(page, DOC).locator('[data-ignored]').filter({ hasText: '번호 제목 글쓴이 날짜' }).first().click()
  await control(page, DOC).getByRole('button', { name: 'Unmark region' }).click()
  await expect(control(page, DOC).getByText('1 ignored region')).toBeVisible()
  await selectText(page, DOC, '랭크뉴스')
  await page.keyboard.press('2')
  await expect(marks(page, DOC)).toHaveCount(1)

  // Shift+I marks a selection by hand; the span already there is kept and counted.
  await selectText(page, DOC, '46923 ‘부정선거론’')
  await page.keyboard.press('Shift+I')
  await expect(status(page)).toHaveText(`Mark 1 region of ${DOC} as not article text`)
  await expect(control(page, DOC).getByText('2 ignored regions')).toBeVisible()
  expect(dbRegions(server.projectFile, DOC).map((r) => r.source)).toEqual(['suggested', 'manual'])
  await expect(marks(page, DOC)).toHaveCount(1)
})

test('regions marked in one tab are greyed in another without a reload', async ({ page, server }) => {
  const DOC = SEED_IDS[3]
  await openApp(page, server)
  await openDoc(page, DOC)
  const other = await page.context().newPage()
  await openApp(other, server)
  await openDoc(other, DOC)
  await expect(control(other, DOC).getByRole('button', { name: '3 suggested regions' })).toBeVisible()
  await control(page, DOC).getByRole('button', { name: '3 suggested regions' }).click()
  await control(page, DOC).getByRole('button', { name: 'Accept all (3)' }).click()
  await expect(control(other, DOC).getByText('3 ignored regions')).toBeVisible()
  await expect(docText(other, DOC).locator('[data-ignored]').filter({ hasText: 'Copyright' })).toHaveCount(1)
  await expect(control(other, DOC).getByRole('button', { name: /suggested region/ })).toHaveCount(0)
  await other.close()
})
