import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { expect, openApp, ROOT, test } from './fixtures'
import { dbSpans, markById, marks, openDoc, savedStatus, SEED_IDS, selectText, sidebarCount, spanWithText, status } from './helpers'

const [A] = SEED_IDS as unknown as [string]
const run = promisify(execFile)

/** A second tab in the same browser, with its own console-error check (the fixture watches only `page`). */
async function secondTab(page: Page, errors: string[]): Promise<Page> {
  const other = await page.context().newPage()
  other.on('console', (msg) => {
    if (msg.type() === 'error' && !/\/favicon\.ico/.test(msg.location().url)) errors.push(`tab 2: ${msg.text()} (${msg.location().url})`)
  })
  other.on('pageerror', (err) => errors.push(`tab 2 pageerror: ${err.message}`))
  return other
}

test('a label made in one tab appears in the other without a reload; a selected span deleted elsewhere is deselected', async ({
  page,
  server,
  consoleErrors
}) => {
  const pageB = await secondTab(page, consoleErrors)
  await openApp(page, server)
  await openApp(pageB, server)
  await openDoc(page, A)
  await openDoc(pageB, A)
  const navigations: string[] = []
  pageB.on('framenavigated', (f) => navigations.push(f.url()))

  await selectText(page, A, '최태원')
  await page.keyboard.press('1')
  const span = await spanWithText(page, A, '최태원')
  await expect(status(page)).toHaveText(savedStatus('Label “최태원” as Person'))

  // Tab B shows it without reloading: the mark, the sidebar count and the pane count.
  await expect(markById(pageB, A, span.id)).toHaveAttribute('data-label', 'PERSON')
  await expect(sidebarCount(pageB, A)).toHaveText('1')
  // Tab A counts its own change once (its echo is skipped).
  await expect(sidebarCount(page, A)).toHaveText('1')

  // Relabelled in A: B follows.
  await markById(page, A, span.id).click()
  await page.keyboard.press('2')
  await expect(markById(pageB, A, span.id)).toHaveAttribute('data-label', 'ORGANISATION')

  // B has the span selected; A deletes it: B drops the mark and the selection and says why.
  await markById(pageB, A, span.id).click()
  await expect(markById(pageB, A, span.id)).toHaveClass(/selected/)
  await markById(page, A, span.id).click()
  await page.keyboard.press('Delete')
  await expect(marks(pageB, A)).toHaveCount(0)
  await expect(status(pageB)).toHaveText(/^The span you had selected was deleted in another window or tab \(Delete “최태원”\)\.$/)
  await expect(sidebarCount(pageB, A)).toHaveText('0')
  expect(navigations).toEqual([])
})

test.describe('conflicts', () => {
  // The refused relabel answers 409, which the browser logs.
  test.use({ allowedConsoleErrors: [/409 \(Conflict\).*\/api\/relabelSpan/] })

  test('changing a span another tab deleted shows who deleted it, and the stale mark goes away', async ({ page, server, consoleErrors }) => {
    const pageB = await secondTab(page, consoleErrors)
    // Tab A hears nothing live (its event stream never answers), as a tab that has not yet heard of a change.
    await page.route('**/api/events', () => {})
    await openApp(page, server)
    await openApp(pageB, server)
    await openDoc(page, A)
    await openDoc(pageB, A)

    await selectText(page, A, '최태원')
    await page.keyboard.press('1')
    const span = await spanWithText(page, A, '최태원')
    await expect(markById(pageB, A, span.id)).toBeVisible()

    // B deletes it; A still shows it.
    await markById(pageB, A, span.id).click()
    await pageB.keyboard.press('Delete')
    await expect(marks(pageB, A)).toHaveCount(0)
    await expect(markById(page, A, span.id)).toBeVisible()

    // A relabels the span it still shows: refused with a message, and the mark goes away.
    await markById(page, A, span.id).click()
    await page.keyboard.press('2')
    await expect(status(page)).toHaveText(/^That span was deleted by alice at \d{2}:\d{2}:\d{2} UTC; nothing changed\.$/)
    await expect(marks(page, A)).toHaveCount(0)
    await expect(sidebarCount(page, A)).toHaveText('0')
    expect(dbSpans(server.projectFile, A)).toEqual([])
  })
})

test("another annotator's tab sees the layer counts change; an import by another program shows up in both tabs", async ({
  page,
  server,
  consoleErrors
}) => {
  const pageB = await secondTab(page, consoleErrors)
  await openApp(page, server)
  await openDoc(page, A)
  // Tab B annotates as bob.
  await openApp(pageB, server)
  await pageB.getByRole('button', { name: 'Change annotator' }).click()
  const dialog = pageB.getByRole('dialog', { name: 'Who is annotating?' })
  await dialog.getByRole('textbox', { name: 'Annotator name' }).fill('bob')
  await dialog.getByRole('button', { name: 'Save name' }).click()
  await expect(pageB.getByTestId('annotator-name')).toHaveText('bob')
  await expect(status(pageB)).toHaveText('Annotating as bob') // its document list is refetched
  await expect(pageB.getByTestId(`doc-layers-${A}`)).toHaveText('no spans yet')

  await selectText(page, A, '최태원')
  await page.keyboard.press('1')
  await expect(status(page)).toHaveText(savedStatus('Label “최태원” as Person'))
  await expect(pageB.getByTestId(`doc-layers-${A}`)).toHaveText('alice 1')
  await expect(sidebarCount(pageB, A)).toHaveText('0') // bob's own count

  // `spanmark import` in a terminal writes to the same project file while both tabs are open.
  const file = join(server.home, 'late-news.txt')
  writeFileSync(file, '늦게 들어온 기사입니다.\n')
  const env: NodeJS.ProcessEnv = { ...process.env, SPANMARK_HOME: server.home }
  delete env['ELECTRON_RUN_AS_NODE']
  const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'import', '--project', server.projectFile, file], { env })
  expect(stdout).toContain('Imported 1 new document(s)')
  for (const tab of [page, pageB]) {
    await expect(tab.locator('.status-project')).toContainText('6 documents')
    await expect(status(tab)).toHaveText('Another program changed this project; showing its changes.')
  }
})
