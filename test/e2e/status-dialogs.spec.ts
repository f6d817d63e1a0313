import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openApp, test } from './fixtures'
import { codePointRange, docText, importFiles, openDoc, SEED_IDS, seedText, selectText, spanWithText, status } from './helpers'

/**
 * Issue 15, Screens: after an import or export, focus stays in the dialog and Escape closes it;
 * a dialog's failure is not shown beside an earlier success on the status line; clicking a span
 * says its label, annotator and offsets there.
 */

const A = SEED_IDS[0]

/** The focused element is inside the open dialog (not the page body behind it). */
async function focusInDialog(page: import('@playwright/test').Page): Promise<boolean> {
  return page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))
}

test('after an import, focus stays in the dialog and Escape closes it', async ({ page, server, home }) => {
  await openApp(page, server)
  const file = join(home, 'note.txt')
  writeFileSync(file, '새 문서 한 줄')
  const dialog = await importFiles(page, [file])
  await expect(dialog.getByRole('status')).toContainText('Imported 1 new document')
  await expect.poll(() => focusInDialog(page)).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('after an export, focus stays in the dialog and Escape closes it', async ({ page, server }) => {
  await openApp(page, server)
  await page.getByRole('button', { name: 'File', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export JSONL' })
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  await expect(dialog.getByRole('status')).toContainText(download.suggestedFilename())
  await expect.poll(() => focusInDialog(page)).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test.describe('a refused import', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 4\d\d .*\/api\/importFiles\)$/] })
  test("a failed import is not shown beside the last import's success on the status line", async ({ page, server, home }) => {
    await openApp(page, server)
    const good = join(home, 'good.txt')
    const bad = join(home, 'bad.jsonl')
    writeFileSync(good, '좋은 문서')
    writeFileSync(bad, '{"id": "x", "text": \n')
    const dialog = await importFiles(page, [good])
    await expect(dialog.getByRole('status')).toContainText('Imported 1 new document')
    await expect(status(page)).toContainText('Imported 1 new document')

    await dialog.getByLabel('Files to import').setInputFiles([bad])
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(dialog.getByRole('alert')).toContainText('bad.jsonl')
    await expect(status(page)).not.toContainText('Imported')
  })
})

test('clicking a span shows its label, annotator and code point offsets on the status line', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
  await selectText(page, A, '최태원')
  await page.keyboard.press('1')
  const span = await spanWithText(page, A, '최태원')
  await page.keyboard.press('Escape')
  await docText(page, A).locator(`mark[data-span-id="${span.id}"]`).first().click()
  const { start, end } = codePointRange(seedText(A), '최태원')
  await expect(status(page)).toHaveText(`Person by alice, code points ${start}–${end}: “최태원”`)
})
