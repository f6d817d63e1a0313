import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, openApp, ROOT, test, type SpanmarkServer } from './fixtures'
import { dbSpans, docItem, openDoc, SEED_IDS, type DbSpan } from './helpers'

/**
 * Issue 15, review decisions, on the review fixtures (test/fixtures/review: minji and junho on the
 * five seeds). In 000 the label conflict is 오픈AI 575–579 (minji ORGANISATION, junho PERSON) and a
 * boundary conflict is 지난해 1월 651–657 (minji) against 1월 655–657 (junho).
 */
const A = SEED_IDS[0]
const FIXTURES = join(ROOT, 'test', 'fixtures', 'review')

function reviewProject(home: string): string {
  const file = join(home, 'review.sqlite')
  const env: NodeJS.ProcessEnv = { ...process.env, SPANMARK_HOME: home }
  delete env['ELECTRON_RUN_AS_NODE']
  execFileSync(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'import', '--project', file, join(FIXTURES, 'minji.jsonl'), join(FIXTURES, 'junho.jsonl')], {
    cwd: ROOT,
    env,
    encoding: 'utf8'
  })
  return file
}

const key = (s: { start: number; end: number; label: string }): string => `${s.start}:${s.end}:${s.label}`
const goldKeys = (file: string): string[] =>
  dbSpans(file, A)
    .filter((s: DbSpan) => s.annotator === 'gold')
    .map(key)
const reviewPane = (page: Page): Locator => page.getByTestId(`review-${A}`)
const option = (page: Page, candidate: string): Locator => reviewPane(page).locator(`li[role="option"][data-candidate="${candidate}"]`)
/** Makes a candidate the current one (a click on the option's edge, away from its buttons). */
const pick = (page: Page, candidate: string): Promise<void> => option(page, candidate).click({ position: { x: 3, y: 3 } })
const summary = (page: Page): Locator => reviewPane(page).getByTestId('review-summary')

async function openReview(page: Page, home: string, startServer: (o?: { project?: string }) => Promise<SpanmarkServer>): Promise<SpanmarkServer> {
  const server = await startServer({ project: reviewProject(home) })
  await openApp(page, server)
  await openDoc(page, A)
  await page.getByTestId('pane-0').getByRole('button', { name: 'Review', exact: true }).click()
  await expect(summary(page)).toHaveText('51 agreed · 12 differences · 0 decided · 0 in gold')
  return server
}

test('accepting one side of the 오픈AI label conflict rejects the other; accepting the other asks before replacing gold', async ({ page, home, startServer }) => {
  const server = await openReview(page, home, startServer)
  await option(page, '575:579:ORGANISATION').getByRole('button', { name: 'Accept' }).click()
  await expect(option(page, '575:579:ORGANISATION')).toHaveAttribute('data-decision', 'accepted')
  await expect(option(page, '575:579:PERSON')).toHaveAttribute('data-decision', 'rejected')
  await expect(summary(page)).toHaveText('51 agreed · 12 differences · 2 decided · 1 in gold')
  expect(goldKeys(server.projectFile)).toEqual(['575:579:ORGANISATION'])

  // Accepting junho's Person now would put a second label on the range: the app asks first.
  await option(page, '575:579:PERSON').getByRole('button', { name: 'Accept' }).click()
  const ask = page.getByRole('dialog', { name: 'Replace in gold?' })
  await expect(ask).toContainText('Gold already has “오픈AI” as Organisation. Accept it as Person instead?')
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(ask).toBeHidden()
  expect(goldKeys(server.projectFile)).toEqual(['575:579:ORGANISATION'])

  await option(page, '575:579:PERSON').getByRole('button', { name: 'Accept' }).click()
  await ask.getByRole('button', { name: 'Replace' }).click()
  await expect(option(page, '575:579:PERSON')).toHaveAttribute('data-decision', 'accepted')
  await expect(option(page, '575:579:ORGANISATION')).toHaveAttribute('data-decision', 'rejected')
  expect(goldKeys(server.projectFile)).toEqual(['575:579:PERSON'])

  // The API refuses the same without replace, whatever the client does.
  const direct = await server.api('acceptCandidate', { reviewer: 'alice', docId: A, start: 575, end: 579, label: 'ORGANISATION', sources: ['minji'] })
  expect(direct.status).toBe(409)
  expect(direct.body.error?.code).toBe('conflict')
  expect(goldKeys(server.projectFile)).toEqual(['575:579:PERSON'])
})

test('Mark reviewed with undecided differences asks, giving the count', async ({ page, home, startServer }) => {
  const server = await openReview(page, home, startServer)
  await option(page, '253:255:MEETING').getByRole('button', { name: 'Accept' }).click()
  await option(page, '452:454:DATE').getByRole('button', { name: 'Reject' }).click()
  await option(page, '575:579:ORGANISATION').getByRole('button', { name: 'Accept' }).click()
  await option(page, '651:657:DATE').getByRole('button', { name: 'Accept' }).click()
  await expect(summary(page)).toHaveText('51 agreed · 12 differences · 5 decided · 3 in gold')

  const mark = reviewPane(page).getByRole('button', { name: 'Mark reviewed' })
  await mark.click()
  const ask = page.getByRole('dialog', { name: 'Mark reviewed?' })
  await expect(ask).toContainText('7 of 12 differences are undecided — mark reviewed anyway?')
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(ask).toBeHidden()
  await expect(reviewPane(page).getByLabel('Review status')).toHaveValue('in_review')

  // The status select asks the same.
  await reviewPane(page).getByLabel('Review status').selectOption('reviewed')
  await expect(ask).toContainText('7 of 12 differences are undecided')
  await ask.getByRole('button', { name: 'Mark reviewed anyway' }).click()
  await expect(reviewPane(page).getByLabel('Review status')).toHaveValue('reviewed')
  await expect(mark).toBeDisabled()

  // Without confirmation the API refuses and says the count.
  const other = SEED_IDS[2]
  const refused = await server.api('setReviewStatus', { reviewer: 'alice', docId: other, status: 'reviewed' })
  expect(refused.status).toBe(409)
  expect(refused.body.error?.message).toMatchObject({ key: 'errors:undecidedDifferences', params: { annotators: 'junho, minji' } })
})

test('editing minji’s 지난해 1월 by dragging its start edge settles her row only, and saves the dragged offsets', async ({ page, home, startServer }) => {
  const server = await openReview(page, home, startServer)
  await pick(page, '651:657:DATE')
  const start = reviewPane(page).getByRole('slider', { name: 'Start of the span' })
  const end = reviewPane(page).getByRole('slider', { name: 'End of the span' })
  await expect(start).toHaveAttribute('aria-valuenow', '651')
  await expect(end).toHaveAttribute('aria-valuenow', '657')

  // Drag the start edge onto the 1 of 1월 (four characters later).
  await start.scrollIntoViewIfNeeded()
  const from = await start.boundingBox()
  const one = await reviewPane(page)
    .locator('mark[data-candidate="655:657:DATE"]')
    .evaluate((el) => {
      const r = document.createRange()
      const text = el.firstChild as Text
      r.setStart(text, 0)
      r.setEnd(text, 1)
      const b = r.getBoundingClientRect()
      return { x: b.left + 2, y: b.top + b.height / 2 }
    })
  if (!from) throw new Error('the start handle is not laid out')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move((from.x + one.x) / 2, one.y, { steps: 3 })
  await page.mouse.move(one.x, one.y, { steps: 3 })
  await page.mouse.up()
  const form = reviewPane(page).getByRole('form', { name: 'Edit before accepting' })
  await expect(form.getByTestId('edit-text')).toHaveText('“1월”')
  await expect(form.getByTestId('edit-offsets')).toHaveText('characters 655–657')
  await expect(start).toHaveAttribute('aria-valuenow', '655')
  await form.getByRole('button', { name: 'Accept edited' }).click()
  await expect(form).toBeHidden()

  await expect(option(page, '651:657:DATE')).toHaveAttribute('data-decision', 'edited')
  await expect(option(page, '651:657:DATE')).toContainText('✎ accepted as “1월” (Date)')
  await expect(option(page, '655:657:DATE')).toHaveAttribute('data-decision', 'pending')
  await expect(summary(page)).toHaveText('51 agreed · 12 differences · 1 decided · 1 in gold')
  expect(goldKeys(server.projectFile)).toEqual(['655:657:DATE'])
})

test('Shift+arrows on a focused edge move it one character; the edit of junho’s 1월 settles his row only', async ({ page, home, startServer }) => {
  const server = await openReview(page, home, startServer)
  await pick(page, '655:657:DATE')
  await page.keyboard.press('e')
  const form = reviewPane(page).getByRole('form', { name: 'Edit before accepting' })
  await expect(form.getByTestId('edit-text')).toHaveText('“1월”')
  const start = reviewPane(page).getByRole('slider', { name: 'Start of the span' })
  await start.focus()
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft')
  await expect(form.getByTestId('edit-text')).toHaveText('“지난해 1월”')
  const end = reviewPane(page).getByRole('slider', { name: 'End of the span' })
  await end.focus()
  await page.keyboard.press('Shift+ArrowLeft')
  await expect(form.getByTestId('edit-text')).toHaveText('“지난해 1”')
  await page.keyboard.press('Shift+ArrowRight')
  await expect(form.getByTestId('edit-offsets')).toHaveText('characters 651–657')
  await form.getByRole('button', { name: 'Accept edited' }).click()
  await expect(option(page, '655:657:DATE')).toHaveAttribute('data-decision', 'edited')
  await expect(option(page, '651:657:DATE')).toHaveAttribute('data-decision', 'pending')
  expect(goldKeys(server.projectFile)).toEqual(['651:657:DATE'])
})

test('Shift+arrows on an edge of the current candidate start the edit there, and keep moving that edge', async ({ page, home, startServer }) => {
  await openReview(page, home, startServer)
  await pick(page, '940:949:ORGANISATION') // junho's 삼성전자 서초사옥
  const end = reviewPane(page).getByRole('slider', { name: 'End of the span' })
  await end.focus()
  await page.keyboard.press('Shift+ArrowLeft')
  const form = reviewPane(page).getByRole('form', { name: 'Edit before accepting' })
  await expect(form.getByTestId('edit-text')).toHaveText('“삼성전자 서초사”')
  await expect(end).toBeFocused()
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft')
  await expect(form.getByTestId('edit-text')).toHaveText('“삼성전자”')
  await expect(form.getByLabel('Label')).toHaveValue('ORGANISATION')
  await form.getByRole('button', { name: 'Cancel' }).click()
  await expect(form).toBeHidden()
  await expect(option(page, '940:949:ORGANISATION')).toHaveAttribute('data-decision', 'pending')
})

/** How many characters the first line of the first long paragraph holds, as laid out. */
async function charsPerLine(page: Page): Promise<number> {
  return reviewPane(page)
    .locator('[data-review-text]')
    .evaluate((container) => {
      const block = [...container.querySelectorAll<HTMLElement>('.block')].find((b) => (b.textContent ?? '').trim().length >= 150)
      if (!block) throw new Error('no paragraph of 150 characters')
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
      let first: number | null = null
      let count = 0
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        for (let i = 0; i < n.data.length; i++) {
          const r = document.createRange()
          r.setStart(n, i)
          r.setEnd(n, i + 1)
          const rect = r.getClientRects()[0]
          if (!rect) continue
          const middle = rect.top + rect.height / 2
          first ??= middle
          // The next line starts well below the first one's middle (line-height is about 2 em).
          if (middle - first > rect.height * 0.75) return count
          count++
        }
      }
      return count
    })
}

for (const [locale, lang] of [
  ['en-US', 'en'],
  ['ko-KR', 'ko']
] as const) {
  test.describe(`at 1024×700 (${lang})`, () => {
    test.use({ locale, viewport: { width: 1024, height: 700 } })

    test(`the review text keeps at least 30 characters a line (${lang})`, async ({ page, home, startServer }) => {
      const server = await startServer({ project: reviewProject(home) })
      await openApp(page, server)
      await openDoc(page, A)
      await page.getByTestId('pane-0').locator('.pane-header button').filter({ hasText: lang === 'ko' ? /^검토$/ : /^Review$/ }).click()
      await expect(reviewPane(page).locator('li[role="option"]')).toHaveCount(12)
      expect(await charsPerLine(page)).toBeGreaterThanOrEqual(30)
      await pick(page, '651:657:DATE')
      await page.keyboard.press('e')
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: `/tmp/review-1024-${lang}.png` })
      expect(await charsPerLine(page)).toBeGreaterThanOrEqual(30)
    })
  })
}

test.describe('at 1024×700 beside another pane', () => {
  test.use({ viewport: { width: 1024, height: 700 } })

  test('the review text is as wide as the other pane’s text and keeps 30 characters a line: the side panel never covers it', async ({ page, home, startServer }) => {
    const server = await startServer({ project: reviewProject(home) })
    await openApp(page, server)
    await openDoc(page, A)
    await docItem(page, A).click({ modifiers: ['Control'] })
    await expect(page.getByTestId('pane-1').getByTestId(`doc-text-${A}`)).toBeVisible()
    await page.getByTestId('pane-1').getByRole('button', { name: 'Review', exact: true }).click()
    await expect(reviewPane(page).locator('li[role="option"]')).toHaveCount(12)
    const textWidth = (l: Locator): Promise<number> => l.evaluate((el) => el.getBoundingClientRect().width)
    const plain = await textWidth(page.getByTestId('pane-0').getByTestId(`doc-text-${A}`))
    const review = await textWidth(reviewPane(page).locator('[data-review-text]'))
    expect(review).toBeGreaterThanOrEqual(plain - 2)
    expect(await charsPerLine(page)).toBeGreaterThanOrEqual(30)
    const side = await reviewPane(page).getByRole('complementary').boundingBox()
    const text = await reviewPane(page).locator('[data-review-text]').boundingBox()
    // Beside the text or below it, never over it.
    expect(side && text && (side.y >= text.y + text.height - 1 || side.x >= text.x + text.width - 1)).toBe(true)
  })
})
