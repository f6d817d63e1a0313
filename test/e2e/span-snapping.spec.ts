import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { codePointRange, dbSpans, docText, marks, mouseSelect, openDoc, renderedSpans, SEED_IDS, seedText, selectText, spanWithText, status } from './helpers'

const [D0, D1, , , D4] = SEED_IDS as unknown as [string, string, string, string, string]

// The queue test makes one call fail with a 409, which Chromium logs.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 409 .*\/api\/relabelSpan\)$/] })

/** The kinds of the change groups alice committed, oldest first. */
function history(projectFile: string): string[] {
  const db = new Database(projectFile, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    return (db.prepare("SELECT kind FROM change_groups WHERE actor = 'alice' ORDER BY id").all() as { kind: string }[]).map((r) => r.kind)
  } finally {
    db.close()
  }
}

const textOf = (projectFile: string, docId: string) => dbSpans(projectFile, docId).map((s) => [...seedText(docId)].slice(s.start, s.end).join(''))

async function open(page: Page, server: Parameters<typeof openApp>[1], docId: string): Promise<void> {
  await openApp(page, server)
  await openDoc(page, docId)
}

test('a drag from mid-word snaps to whole words, provisional mark and saved span alike; the label bar switch turns it off', async ({ page, server }) => {
  await open(page, server, D4)
  await mouseSelect(page, D4, '태원 SK그')
  await page.keyboard.press('2')
  await spanWithText(page, D4, '최태원 SK그룹')
  await expect.poll(() => textOf(server.projectFile, D4)).toEqual(['최태원 SK그룹'])

  await page.getByLabel('Snap to words').uncheck()
  await expect(status(page)).toHaveText('Selections are now kept where they start and end, even inside a word.')
  await mouseSelect(page, D4, '트먼 오픈A')
  await page.keyboard.press('2')
  await spanWithText(page, D4, '트먼 오픈A')
  await page.reload()
  await expect(page.getByLabel('Snap to words')).not.toBeChecked()
})

test('마이크로소프트(MS) is saved with its closing bracket', async ({ page, server }) => {
  await open(page, server, D1)
  await mouseSelect(page, D1, '마이크로소프트(MS)')
  await page.keyboard.press('2')
  await spanWithText(page, D1, '마이크로소프트(MS)')
  expect(dbSpans(server.projectFile, D1)).toMatchObject([{ ...codePointRange(seedText(D1), '마이크로소프트(MS)'), label: 'ORGANISATION' }])
})

test('a selection across paragraphs is refused with the reason, until the label allows crossing them', async ({ page, server }) => {
  await open(page, server, D0)
  await selectText(page, D0, '연합뉴스\n\n\n한국')
  await page.keyboard.press('2')
  await expect(status(page)).toHaveText(
    'The selection runs across a paragraph break, and Organisation spans may not: select text within one paragraph, or allow Organisation to cross paragraphs on the Labels screen.'
  )
  await expect(docText(page, D0).locator('mark[data-span-id]')).toHaveCount(0)
  expect(dbSpans(server.projectFile, D0)).toEqual([])

  await page.getByRole('button', { name: 'Labels…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Labels' })
  await dialog.getByRole('button', { name: 'Edit Organisation' }).click()
  await dialog.getByLabel('May cross paragraph breaks').check()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Saved Organisation (ORGANISATION).')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)

  await selectText(page, D0, '연합뉴스\n\n\n한국')
  await page.keyboard.press('2')
  await expect.poll(() => textOf(server.projectFile, D0)).toEqual(['연합뉴스\n\n\n한국'])
  await expect(marks(page, D0)).not.toHaveCount(0)
})

test('1, 2, Delete typed fast, with no waits: created as Person, relabelled Organisation, deleted, in that order', async ({ page, server }) => {
  await open(page, server, D4)
  await selectText(page, D4, '올트먼')
  await page.keyboard.press('1')
  await page.keyboard.press('2')
  await page.keyboard.press('Delete')
  await expect.poll(() => history(server.projectFile)).toEqual(['create', 'relabel', 'delete'])
  expect(dbSpans(server.projectFile, D4)).toEqual([])
  await expect(docText(page, D4).locator('mark[data-span-id]')).toHaveCount(0)

  // And 1, 2 alone leave an Organisation span, selected, saved.
  await selectText(page, D4, '최태원')
  await page.keyboard.press('1')
  await page.keyboard.press('2')
  await expect.poll(() => dbSpans(server.projectFile, D4).map((s) => s.label)).toEqual(['ORGANISATION'])
  await expect(marks(page, D4)).toHaveCount(1)
  await expect(marks(page, D4)).toHaveAttribute('data-label', 'ORGANISATION')
  await expect(marks(page, D4)).toHaveClass(/selected/)
  expect(history(server.projectFile)).toEqual(['create', 'relabel', 'delete', 'create', 'relabel'])
})

test('a change that fails in the queue is taken back with the queued changes that depended on it, and the status says so', async ({ page, server }) => {
  await open(page, server, D4)
  // The relabel is refused (as the core refuses a span changed elsewhere), and its reply is held
  // until Delete has been pressed, so that the Delete is queued behind it however fast the reply.
  let release = (): void => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  let asked = false
  await page.route('**/api/relabelSpan', async (route) => {
    asked = true
    await held
    await route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'conflict', message: { key: 'errors:span.deleted', params: { what: 'That span' } }, details: [] } })
    })
  })
  await selectText(page, D4, '올트먼')
  await page.keyboard.press('1')
  await page.keyboard.press('2')
  await page.keyboard.press('Delete')
  // Drawn at once: the mark is gone before any reply to the relabel.
  await expect(docText(page, D4).locator('mark[data-span-id]')).toHaveCount(0)
  await expect.poll(() => asked).toBe(true)
  release()
  await expect(status(page)).toHaveText('That span was deleted elsewhere; nothing changed. — undone on screen: that change and 1 change that depended on it.')
  const [span] = await renderedSpans(page, D4)
  expect(span).toMatchObject({ label: 'PERSON', text: '올트먼' })
  expect(dbSpans(server.projectFile, D4).map((s) => s.label)).toEqual(['PERSON'])
  expect(history(server.projectFile)).toEqual(['create'])
})
