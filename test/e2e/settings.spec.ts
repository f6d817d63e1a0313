import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { dbSpans, openDoc, renderedSpans, selectText, spanWithText, status } from './helpers'

/** The Settings screen (issue 10): annotator, language, theme (theme.spec.ts), particle trimming, backup folder. */

const DOC = '002_350a00930be01512'

test.use({ serverOptions: { annotator: 'alice', emptyProject: false } })

async function openSettings(page: Page, name = 'Settings'): Promise<Locator> {
  await page.getByRole('button', { name }).click()
  const dialog = page.getByRole('dialog', { name })
  await expect(dialog).toBeVisible()
  return dialog
}

test('switching the language to 한국어 turns the UI Korean at once and survives a reload', async ({ page, server }) => {
  await openApp(page, server)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.locator('.sidebar-heading').first()).toContainText('Documents')
  const dialog = await openSettings(page)
  await dialog.getByRole('radio', { name: '한국어' }).check()

  // The open dialog and the screen behind it switch without a reload.
  const korean = page.getByRole('dialog', { name: '설정' })
  await expect(korean).toBeVisible()
  await expect(korean.getByRole('radio', { name: '한국어' })).toBeChecked()
  await expect(korean.getByRole('group', { name: '테마' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: '문서' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await page.screenshot({ path: '/tmp/settings-korean.png' })
  await korean.getByRole('button', { name: '닫기' }).click()
  await expect(korean).toBeHidden()

  await page.reload()
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await expect(page.getByRole('navigation', { name: '문서' })).toBeVisible()

  const again = await openSettings(page, '설정')
  await again.getByRole('radio', { name: 'English' }).check()
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()
})

test('the annotator changes from Settings: the top bar, the saved preference and new spans follow', async ({ page, server }) => {
  await openApp(page, server)
  const dialog = await openSettings(page)
  const name = dialog.getByRole('textbox', { name: 'Annotator name' })
  await expect(name).toHaveValue('alice')
  const change = dialog.getByRole('button', { name: 'Change annotator' })
  await expect(change).toBeDisabled()

  // A name the schema refuses is refused here too, and nothing changes.
  await name.fill('   ')
  await expect(change).toBeEnabled()
  await change.click()
  await expect(dialog.getByRole('alert')).toBeVisible()
  await expect(page.getByTestId('annotator-name')).toHaveText('alice')

  await name.fill('박서연')
  await change.click()
  await expect(dialog.getByRole('status')).toHaveText('Now annotating as 박서연.')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('annotator-name')).toHaveText('박서연')
  expect(JSON.parse(readFileSync(join(server.home, 'preferences.json'), 'utf8'))).toMatchObject({ annotator: '박서연' })
  await dialog.getByRole('button', { name: 'Close' }).click()

  await openDoc(page, DOC)
  await selectText(page, DOC, '올트먼의')
  await page.keyboard.press('1')
  await spanWithText(page, DOC, '올트먼')
  expect(dbSpans(server.projectFile, DOC)).toEqual([expect.objectContaining({ annotator: '박서연', label: 'PERSON' })])
})

test('particle trimming in Settings is the label bar’s switch: each shows the other’s state, and labelling follows', async ({ page, server }) => {
  await openApp(page, server)
  const bar = page.locator('.label-bar').getByRole('checkbox', { name: 'Trim particles' })
  await expect(bar).toBeChecked()
  const dialog = await openSettings(page)
  const setting = dialog.getByRole('checkbox', { name: 'Trim particles when labelling' })
  await expect(setting).toBeChecked()
  await setting.uncheck()
  await expect(setting).not.toBeChecked()
  await expect(bar).not.toBeChecked()
  await expect.poll(() => JSON.parse(readFileSync(join(server.home, 'preferences.json'), 'utf8')) as unknown).toMatchObject({ trimParticles: false })
  await dialog.getByRole('button', { name: 'Close' }).click()

  await openDoc(page, DOC)
  await selectText(page, DOC, '올트먼의')
  await page.keyboard.press('1')
  await spanWithText(page, DOC, '올트먼의')

  await bar.check()
  const again = await openSettings(page)
  await expect(again.getByRole('checkbox', { name: 'Trim particles when labelling' })).toBeChecked()
  await again.getByRole('button', { name: 'Close' }).click()
  await selectText(page, DOC, '오픈AI가')
  await page.keyboard.press('2')
  await spanWithText(page, DOC, '오픈AI')
  expect((await renderedSpans(page, DOC)).map((s) => s.text).sort()).toEqual(['오픈AI', '올트먼의'])
  await expect(status(page)).toContainText('trimmed “가”')
})

test.describe('backups', () => {
  // The refused folder is a 422 answer, which the browser logs.
  test.use({ allowedConsoleErrors: [/422 .*\/api\/setBackupDir/] })

  test('the backup folder: shown with its count and a web-mode note; a missing folder is refused; a real one takes backups', async ({ page, server }) => {
    await openApp(page, server)
    const dialog = await openSettings(page)
    const backups = dialog.getByTestId('backup-settings')
    await expect(backups.getByTestId('backup-folder')).toHaveText(`${server.projectFile}.backups`)
    await expect(backups.getByTestId('backup-count')).toContainText('This is the default folder')
    await expect(backups).toContainText('Web mode: this is a folder on the computer that runs the Spanmark server')
    const field = backups.getByRole('textbox', { name: 'New backup folder (full path)' })
    const use = backups.getByRole('button', { name: 'Use this folder' })

    const missing = join(server.home, 'no-such-folder')
    await field.fill(missing)
    await use.click()
    await expect(backups.getByRole('alert')).toHaveText(`The folder ${missing} does not exist. Create it first, or choose another one. The backup location was not changed.`)
    await expect(backups.getByTestId('backup-folder')).toHaveText(`${server.projectFile}.backups`)
    expect(existsSync(missing)).toBe(false)

    const chosen = join(server.home, 'backups elsewhere')
    mkdirSync(chosen)
    await field.fill(chosen)
    await use.click()
    await expect(backups.getByRole('status')).toHaveText(`Backups now go to ${chosen}.`)
    await expect(backups.getByTestId('backup-folder')).toHaveText(chosen)
    await expect(backups.getByTestId('backup-count')).toHaveText('1 backup there (the newest 10 are kept). A folder chosen for this project.')
    expect(readdirSync(chosen).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1)
    await expect(field).toHaveValue('')

    // File → Restore lists the backups of the folder in use.
    const list = await server.api('listBackups', {})
    expect(list.body.result).toMatchObject({ folder: chosen })

    await backups.getByRole('button', { name: 'Use the default folder' }).click()
    await expect(backups.getByTestId('backup-folder')).toHaveText(`${server.projectFile}.backups`)
  })
})
