import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { resources } from '../../src/shared/i18n'
import { expect, openApp, ROOT, test, type SpanmarkServer } from './fixtures'
import { docText, openDoc, SEED_IDS } from './helpers'

/**
 * Issue 15, Screens: the layout at 1024×700 with review open, measured, not eyeballed. The project
 * holds the five seed articles labelled by minji and junho (test/fixtures/review), so a pane can
 * review. Pane 0 reviews the first article; pane 1 shows the fourth.
 */

const [A, D] = [SEED_IDS[0], SEED_IDS[3]] as [string, string]
const FIXTURES = join(ROOT, 'test', 'fixtures', 'review')
const en = resources.en

test.use({ viewport: { width: 1024, height: 700 } })

async function reviewProject(page: Page, home: string, startServer: (o: { project: string; annotator: string }) => Promise<SpanmarkServer>): Promise<SpanmarkServer> {
  const file = join(home, 'layout.sqlite')
  execFileSync(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'import', '--project', file, join(FIXTURES, 'minji.jsonl'), join(FIXTURES, 'junho.jsonl')], {
    cwd: ROOT,
    env: { ...process.env, SPANMARK_HOME: home }
  })
  const server = await startServer({ project: file, annotator: 'minji' })
  await openApp(page, server)
  return server
}

/** Two panes, the first one reviewing minji and junho. */
async function twoPanesWithReview(page: Page): Promise<void> {
  await openDoc(page, A)
  await openDoc(page, D, { beside: true })
  await page.getByTestId('pane-0').getByRole('button', { name: en.pane.header.reviewButton, exact: true }).click()
  await expect(page.getByTestId(`review-${A}`).getByTestId('review-summary')).toBeVisible()
}

/** How many characters of the document's own text fit on one line of this text column. */
async function charsPerLine(text: Locator): Promise<number> {
  return text.evaluate((el) => {
    const probe = document.createElement('span')
    probe.textContent = '가'.repeat(30)
    probe.style.whiteSpace = 'nowrap'
    el.appendChild(probe)
    const one = probe.getBoundingClientRect().width / 30
    probe.remove()
    const style = getComputedStyle(el)
    const content = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    return content / one
  })
}

/** The distinct rows the element's visible children sit on (1 = everything on one line). */
async function rows(el: Locator): Promise<number> {
  return el.evaluate((header) => {
    const tops = [...header.children]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => r.top + r.height / 2)
    const distinct: number[] = []
    for (const t of tops) if (!distinct.some((d) => Math.abs(d - t) < 8)) distinct.push(t)
    return distinct.length
  })
}

test('at 1024×700 with review open, every text column keeps at least 30 characters a line', async ({ page, home, startServer }) => {
  await reviewProject(page, home, startServer)
  await twoPanesWithReview(page)
  const columns = page.locator('.pane .doc-text')
  await expect(columns).toHaveCount(2)
  for (const column of await columns.all()) expect(await charsPerLine(column)).toBeGreaterThanOrEqual(30)
})

test('at 1024×700 with review open, pane headers stay on one row; what does not fit is in the overflow menu', async ({ page, home, startServer }) => {
  await reviewProject(page, home, startServer)
  await twoPanesWithReview(page)
  for (const i of [0, 1]) {
    const header = page.getByTestId(`pane-${i}`).locator('.pane-header')
    expect(await rows(header), `pane ${i}`).toBe(1)
  }
  // The training toggle of pane 1 does not fit: it is under "More", and works there; Escape closes it.
  const pane1 = page.getByTestId('pane-1')
  const more = pane1.getByRole('button', { name: en.screens.pane.more, exact: true })
  const group = pane1.getByRole('group', { name: en.screens.pane.moreGroup.replace('{{docId}}', D) })
  await more.click()
  await expect(group.getByRole('button').first()).toBeFocused()
  // 003 says it forbids AI training; allow it from here.
  await group.getByRole('button', { name: en.pane.header.noTraining }).click()
  await expect(group).toBeHidden()
  await more.click()
  await expect(group.getByRole('button', { name: en.pane.header.trainingOk })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(group).toBeHidden()
  await expect(more).toBeFocused()
})

test('the sidebar collapses from the View menu and with Ctrl+B, and stays collapsed after a reload', async ({ page, home, startServer }) => {
  const server = await reviewProject(page, home, startServer)
  await openDoc(page, A)
  const sidebar = page.getByRole('navigation', { name: en.app.sidebar.nav })
  const before = await charsPerLine(docText(page, A))
  await page.getByRole('button', { name: en.desktop.menu.view, exact: true }).click()
  await page.getByRole('menuitem', { name: en.screens.sidebar.hide }).click()
  await expect(sidebar).toBeHidden()
  expect(await charsPerLine(docText(page, A))).toBeGreaterThan(before + 10)

  await openApp(page, server)
  await expect(page.getByRole('navigation', { name: en.app.sidebar.nav })).toBeHidden()
  await page.keyboard.press('Control+b')
  await expect(sidebar).toBeVisible()
  await page.keyboard.press('Control+b')
  await expect(sidebar).toBeHidden()
  await page.getByRole('button', { name: en.desktop.menu.view, exact: true }).click()
  await page.getByRole('menuitem', { name: en.screens.sidebar.show }).click()
  await expect(sidebar).toBeVisible()
})

for (const locale of ['en', 'ko'] as const) {
  test.describe(`whole instructions (${locale})`, () => {
    test.use({ locale: locale === 'ko' ? 'ko-KR' : 'en-US' })
    test(`the label bar's hint and the search placeholder are shown whole at 1024×700 (${locale})`, async ({ page, server }) => {
      await openApp(page, server)
      const hint = page.locator('.label-bar .guideline')
      await expect(hint).toHaveText(resources[locale].labels.bar.hint)
      const clipped = await hint.evaluate((el) => {
        const r = el.getBoundingClientRect()
        return { x: el.scrollWidth > el.clientWidth, y: el.scrollHeight > el.clientHeight, right: r.right > window.innerWidth, bottom: r.bottom > window.innerHeight }
      })
      expect(clipped).toEqual({ x: false, y: false, right: false, bottom: false })

      // The placeholder is shown whole when the same text, typed in, needs no scrolling in the box.
      const search = page.getByTestId('search-input')
      const placeholder = (await search.getAttribute('placeholder')) ?? ''
      expect(placeholder).toBe(resources[locale].search.placeholder)
      await search.fill(placeholder)
      const fits = await search.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
      expect(fits.scroll, placeholder).toBeLessThanOrEqual(fits.client)
    })
  })
}

test('text keeps room from the pane border and from the focus ring', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
  const gaps = await page.getByTestId('pane-0').evaluate((pane) => {
    const text = pane.querySelector('.doc-text') as HTMLElement
    const range = document.createRange()
    range.selectNodeContents(text)
    const first = range.getClientRects()[0] as DOMRect
    const box = text.getBoundingClientRect()
    const paneBox = pane.getBoundingClientRect()
    // The focus ring is drawn at the text element's border box: the gap is the text's own padding.
    return { ring: first.left - box.left, ringTop: first.top - box.top, border: first.left - paneBox.left }
  })
  expect(gaps.ring).toBeGreaterThanOrEqual(6)
  expect(gaps.ringTop).toBeGreaterThanOrEqual(4)
  expect(gaps.border).toBeGreaterThanOrEqual(16)
})
