import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openApp, test } from './fixtures'
import { dbSpans, markById, marks, openDoc, SEED_IDS, selectText, spanWithText } from './helpers'

const A = SEED_IDS[0]

async function openRestoreDialog(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: 'File', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Restore from backup…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' })
  await expect(dialog).toBeVisible()
  return dialog
}

test('File → Restore from backup… brings back a deleted span from a backup taken by hand', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
  await selectText(page, A, '최태원')
  await page.keyboard.press('1')
  const span = await spanWithText(page, A, '최태원')

  // Back up now: the list then holds the snapshot taken on open and this one, newest first and chosen.
  let dialog = await openRestoreDialog(page)
  await dialog.getByRole('button', { name: 'Back up now' }).click()
  const rows = dialog.getByRole('table', { name: 'Backups' }).locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText('By hand')
  await expect(rows.nth(0).locator('td').nth(5)).toHaveText('1')
  await expect(rows.nth(1)).toContainText('When opened')
  await expect(rows.nth(1).locator('td').nth(5)).toHaveText('0')
  await expect(rows.nth(0).getByRole('radio')).toBeChecked()
  await dialog.screenshot({ path: '/tmp/restore-dialog-list.png' })
  const manual = readdirSync(`${server.projectFile}.backups`).filter((n) => n.endsWith('-manual.sqlite'))
  expect(manual).toHaveLength(1)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  // Delete the span; it is gone from the screen and the project.
  await markById(page, A, span.id).click()
  await page.keyboard.press('Delete')
  await expect(marks(page, A)).toHaveCount(0)
  await expect.poll(() => dbSpans(server.projectFile, A).length).toBe(0)

  // Restore: choose the backup, confirm, and the page reloads from the restored project.
  dialog = await openRestoreDialog(page)
  await rows.nth(0).getByRole('radio').check()
  await dialog.getByRole('button', { name: 'Restore…' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Replace this project with the snapshot taken')
  await page.screenshot({ path: '/tmp/restore-dialog.png' })
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click()

  await expect(page.getByRole('dialog', { name: 'Restore from backup' })).toBeHidden()
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true')
  await openDoc(page, A)
  const back = await spanWithText(page, A, '최태원')
  expect(back).toMatchObject({ id: span.id, label: 'PERSON' })
  expect(dbSpans(server.projectFile, A)).toMatchObject([{ id: span.id, label: 'PERSON' }])

  // The state the restore replaced is a backup too, so the restore can be undone.
  dialog = await openRestoreDialog(page)
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('Before a restore')
  await expect(rows.nth(0).locator('td').nth(5)).toHaveText('0')
})

test('spanmark serve on a damaged project prints what is wrong and the newest backup, exits 1, and leaves the file alone', async ({
  home,
  startServer
}) => {
  // A first run takes the on-open backup of a new project; then the file is spoilt.
  const file = join(home, 'p.sqlite')
  const first = await startServer({ project: file })
  await expect.poll(() => readdirSync(`${file}.backups`).filter((n) => n.endsWith('-open.sqlite')).length).toBe(1)
  await first.stop()
  const damaged = Buffer.from('not a database\n'.repeat(300))
  writeFileSync(file, damaged)

  const failure = await startServer({ project: file }).then(
    () => null,
    (err: Error) => err.message
  )
  expect(failure).toMatch(/exited before printing its URL \(code 1/)
  expect(failure).toContain(`Cannot open the project ${file}: it is not a Spanmark project file`)
  expect(failure).toMatch(/The newest good backup is .*p\.sqlite\.backups\/.*-open\.sqlite/)
  expect(failure).toContain(`spanmark restore --project "${file}" --latest`)
  expect(readFileSync(file).equals(damaged)).toBe(true)
})
