import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { resources, type Locale } from '../../src/shared/i18n'
import { expect, openApp, ROOT, test } from './fixtures'
import { openDoc, SEED_IDS } from './helpers'
import { screensDir } from './screens-dir'

/**
 * The README's screenshots, in English and Korean: docs/screens/<screen>.<en|ko>.png under
 * `npm run screens`, a temp folder under `npm test` (test/e2e/screens-dir.ts).
 * The project holds the five seed articles labelled by minji and junho (test/fixtures/review), so
 * the main screen shows labelled spans, review has differences to decide and agreement has numbers.
 */

const [A, D] = [SEED_IDS[0], SEED_IDS[3]] as [string, string]
const FIXTURES = join(ROOT, 'test', 'fixtures', 'review')

/** A clean frame: no hover, no focus ring, documents at the top, fonts loaded. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(1399, 849)
  await page.evaluate(async () => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    for (const el of document.querySelectorAll('.doc-scroll')) el.scrollTop = 0
    await document.fonts.ready
  })
}

async function shoot(page: Page, screen: string, locale: Locale): Promise<void> {
  await settle(page)
  const png = await page.screenshot({ path: join(screensDir('screens'), `${screen}.${locale}.png`) })
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
}

for (const locale of ['en', 'ko'] as const) {
  const text = resources[locale]
  test.describe(`README screens (${locale})`, () => {
    test.use({ locale: locale === 'ko' ? 'ko-KR' : 'en-US', viewport: { width: 1400, height: 850 } })

    test(`main screen, review, agreement, labels and settings in ${locale === 'ko' ? 'Korean' : 'English'}`, async ({ home, startServer, page }) => {
      test.setTimeout(60_000)
      const file = join(home, 'screens.sqlite')
      execFileSync(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'import', '--project', file, join(FIXTURES, 'minji.jsonl'), join(FIXTURES, 'junho.jsonl')], {
        cwd: ROOT,
        env: { ...process.env, SPANMARK_HOME: home }
      })
      const server = await startServer({ project: file, annotator: 'minji' })
      await openApp(page, server)
      await expect(page.locator('html')).toHaveAttribute('lang', locale)

      // Main screen: two articles side by side with minji's spans.
      await openDoc(page, A)
      await openDoc(page, D, { beside: true })
      await expect(page.getByTestId(`doc-text-${A}`).locator('mark[data-span-id]').first()).toBeVisible()
      await expect(page.getByTestId(`doc-text-${D}`).locator('mark[data-span-id]').first()).toBeVisible()
      await shoot(page, 'main', locale)

      // Review: minji and junho compared on the first article.
      await page.getByTestId('pane-0').getByRole('button', { name: text.pane.header.reviewButton, exact: true }).click()
      await expect(page.getByTestId(`review-${A}`).getByTestId('review-summary')).toBeVisible()
      await page.getByTestId(`review-${A}`).locator('[data-candidate]').first().click()
      await shoot(page, 'review', locale)

      // Agreement between the two.
      await page.getByRole('button', { name: text.desktop.menu.agreement, exact: true }).click()
      const agreement = page.getByRole('dialog', { name: text.agreement.title })
      await expect(agreement.getByTestId('agreement-overall')).toBeVisible()
      await expect(agreement.locator('.recharts-bar-rectangle').first()).toBeVisible()
      await shoot(page, 'agreement', locale)
      await agreement.getByRole('button', { name: text.common.close, exact: true }).last().click()
      await expect(agreement).toBeHidden()

      // Labels and Settings, where this build has them.
      const labels = page.getByRole('button', { name: text.labels.bar.manage, exact: true })
      if ((await labels.count()) > 0) {
        await labels.click()
        const dialog = page.getByRole('dialog')
        await expect(dialog).toBeVisible()
        await shoot(page, 'labels', locale)
        await dialog.getByRole('button', { name: text.common.close, exact: true }).last().click()
        await expect(dialog).toBeHidden()
      }
      const settings = page.getByRole('button', { name: text.settings.open, exact: true })
      if ((await settings.count()) > 0) {
        await settings.click()
        await expect(page.getByRole('dialog', { name: text.settings.title })).toBeVisible()
        await shoot(page, 'settings', locale)
      }
    })
  })
}
