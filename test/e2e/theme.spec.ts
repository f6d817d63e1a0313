import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, openApp, ROOT, test } from './fixtures'
import { docText, openDoc, SEED_IDS, selectText, spanWithText } from './helpers'

/** Light and dark themes (issue 10): colours follow the system unless Settings says light or dark. */

const [A] = SEED_IDS
const LIGHT_PANEL = 'rgb(255, 255, 255)'
const DARK_PANEL = 'rgb(30, 30, 30)' // #1e1e1e, the dark text background the label colours are checked against
const LIGHT_TEXT = 'rgb(33, 37, 41)'
const DARK_TEXT = 'rgb(228, 230, 232)'

test.use({ serverOptions: { annotator: 'alice', emptyProject: false } })

const css = (locator: Locator, property: string): Promise<string> =>
  locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property)
const panel = (page: Page): Locator => page.locator('.sidebar')

async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await expect(dialog).toBeVisible()
  return dialog
}

test.describe('in a light system', () => {
  test.use({ colorScheme: 'light' })

  test('starts light; Dark in Settings turns every pane dark at once and survives a reload; System goes back', async ({ page, server }) => {
    await openApp(page, server)
    await expect(page.locator('html')).not.toHaveAttribute('data-theme')
    expect(await css(panel(page), 'background-color')).toBe(LIGHT_PANEL)
    expect(await css(page.locator('body'), 'color')).toBe(LIGHT_TEXT)

    const dialog = await openSettings(page)
    await expect(dialog.getByRole('radio', { name: 'Same as the system' })).toBeChecked()
    await expect(dialog.getByTestId('theme-now')).toHaveText('Now: light')
    await dialog.getByRole('radio', { name: 'Dark' }).check()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await expect(dialog.getByTestId('theme-now')).toHaveText('Now: dark')
    expect(await css(panel(page), 'background-color')).toBe(DARK_PANEL)
    expect(await css(page.locator('body'), 'color')).toBe(DARK_TEXT)
    expect(await css(dialog, 'background-color')).toBe(DARK_PANEL)
    // Native controls follow too.
    expect(await css(page.locator('html'), 'color-scheme')).toBe('dark')

    await page.reload()
    await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    expect(await css(panel(page), 'background-color')).toBe(DARK_PANEL)

    const again = await openSettings(page)
    await expect(again.getByRole('radio', { name: 'Dark' })).toBeChecked()
    await again.getByRole('radio', { name: 'Same as the system' }).check()
    await expect(page.locator('html')).not.toHaveAttribute('data-theme')
    expect(await css(panel(page), 'background-color')).toBe(LIGHT_PANEL)
    await page.reload()
    await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true')
    expect(await css(panel(page), 'background-color')).toBe(LIGHT_PANEL)
  })
})

test.describe('in a dark system', () => {
  test.use({ colorScheme: 'dark' })

  test('starts dark when the choice is System, and Light in Settings overrides it', async ({ page, server }) => {
    await openApp(page, server)
    await expect(page.locator('html')).not.toHaveAttribute('data-theme')
    expect(await css(panel(page), 'background-color')).toBe(DARK_PANEL)
    expect(await css(page.locator('body'), 'color')).toBe(DARK_TEXT)

    // A labelled span: tinted, and its underline is the label colour lightened so it shows on #1e1e1e.
    await openDoc(page, A)
    await selectText(page, A, '최태원')
    await page.keyboard.press('1')
    const span = await spanWithText(page, A, '최태원')
    await page.keyboard.press('Escape')
    const mark = docText(page, A).locator(`mark[data-span-id="${span.id}"]`)
    const darkLine = await css(mark, 'border-bottom-color')
    const darkTint = await css(mark, 'background-color')

    const dialog = await openSettings(page)
    await expect(dialog.getByTestId('theme-now')).toHaveText('Now: dark')
    await dialog.getByRole('radio', { name: 'Light' }).check()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    expect(await css(panel(page), 'background-color')).toBe(LIGHT_PANEL)
    const lightLine = await css(mark, 'border-bottom-color')
    expect(lightLine).not.toBe(darkLine)
    expect(await css(mark, 'background-color')).not.toBe(darkTint)
    expect(luminance(darkLine)).toBeGreaterThan(luminance(lightLine))
  })
})

/** Relative luminance of a computed colour (rgb(), or srgb color() from color-mix). */
function luminance(colour: string): number {
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(colour)
  const rgb = /rgba?\((\d+), (\d+), (\d+)/.exec(colour)
  const parts = srgb ? srgb.slice(1, 4).map(Number) : rgb ? rgb.slice(1, 4).map((n) => Number(n) / 255) : null
  if (!parts) throw new Error(`not a colour: ${colour}`)
  const [r, g, b] = parts.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** The review fixtures (two annotators on the seeds), as review.spec.ts builds them. */
function reviewProject(home: string): string {
  const file = join(home, 'review.sqlite')
  const env: NodeJS.ProcessEnv = { ...process.env, SPANMARK_HOME: home }
  delete env['ELECTRON_RUN_AS_NODE']
  const fixtures = join(ROOT, 'test', 'fixtures', 'review')
  execFileSync(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'import', '--project', file, join(fixtures, 'minji.jsonl'), join(fixtures, 'junho.jsonl')], {
    cwd: ROOT,
    env,
    encoding: 'utf8'
  })
  return file
}

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots in the ${theme} theme: main screen with labels, review mode, Settings`, async ({ page, home, startServer }) => {
    await page.emulateMedia({ colorScheme: theme })
    const server = await startServer({ project: reviewProject(home), annotator: 'minji' })
    await openApp(page, server)
    await openDoc(page, A)
    await expect(docText(page, A).locator('mark[data-span-id]').first()).toBeVisible()
    expect(await css(panel(page), 'background-color')).toBe(theme === 'dark' ? DARK_PANEL : LIGHT_PANEL)
    await page.mouse.move(1399, 849)
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: `/tmp/settings-main-${theme}.png` })

    // Boilerplate: the suggested regions previewed (dashed grey), then one marked as not article text (striped grey).
    await page.getByTestId('pane-0').getByRole('button', { name: /suggested regions?$/ }).click()
    await expect(docText(page, A).locator('.region-suggestion').first()).toBeVisible()
    await page.screenshot({ path: `/tmp/settings-regions-${theme}.png` })
    await page.getByTestId('pane-0').getByRole('button', { name: /suggested regions?$/ }).click()

    const pane = page.getByTestId('pane-0')
    await pane.getByRole('button', { name: 'Review', exact: true }).click()
    await expect(page.getByTestId(`review-${A}`)).toBeVisible()
    await expect(page.getByTestId(`review-${A}`).getByTestId('review-summary')).toContainText('agreed')
    await page.keyboard.press('n')
    await page.screenshot({ path: `/tmp/settings-review-${theme}.png` })

    const settings = await openSettings(page)
    await page.screenshot({ path: `/tmp/settings-dialog-${theme}.png` })
    await settings.getByRole('button', { name: 'Close' }).click()

    await page.getByRole('button', { name: 'Agreement', exact: true }).click()
    await expect(page.locator('.recharts-surface').first()).toBeVisible()
    await page.screenshot({ path: `/tmp/settings-agreement-${theme}.png` })
  })
}
