import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openApp, ROOT, test } from './fixtures'
import { status } from './helpers'

// Dropping files on the window imports them (issue 10), in web mode as in the desktop app: a
// synthetic drop carries real File objects (the seed articles' bytes) through the same path as a
// drop from the file manager; the page reads them and calls importFiles.
test.use({ serverOptions: { annotator: 'alice', emptyProject: true } })

interface DropFile {
  name: string
  content: string
  type: string
}

const SEEDS = ['000_2f535eeb48f059c6.txt', '001_2d6efb4355ea70ef.txt', '002_350a00930be01512.txt']
const seedFile = (name: string): DropFile => ({ name, content: readFileSync(join(ROOT, 'seeds', name), 'utf8'), type: 'text/plain' })

/** Records every text the drop progress shows (it may come and go quickly), from now on. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { progressSeen: string[] }).progressSeen = seen
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="drop-progress"]')?.textContent
      if (text && seen[seen.length - 1] !== text) seen.push(text)
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}

/** Drags files over the window (the drop hint shows) and, unless `hold`, drops them. */
async function dropFiles(page: Page, files: DropFile[], hold = false): Promise<void> {
  await page.evaluate(
    ({ files, hold }) => {
      const data = new DataTransfer()
      for (const f of files) data.items.add(new File([f.content], f.name, { type: f.type }))
      const fire = (type: string): void => {
        document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }))
      }
      fire('dragenter')
      fire('dragover')
      if (!hold) fire('drop')
    },
    { files, hold }
  )
}

test('dropping .txt and .jsonl files imports them with progress, file by file, and lists them in the sidebar', async ({ page, server }) => {
  await openApp(page, server)
  await expect(page.locator('.doc-item')).toHaveCount(0)

  // While files are dragged over the window, it says what a drop does.
  await dropFiles(page, [seedFile(SEEDS[0] as string)], true)
  await expect(page.getByText('Drop .txt or .jsonl files to import them')).toBeVisible()
  await page.screenshot({ path: '/tmp/desktop-drop-hint.png' })

  await recordProgress(page)
  const jsonl: DropFile = {
    name: 'briefs.jsonl',
    content: `${JSON.stringify({ id: 'brief-1', text: '서울에서 열린 회의에 두 회사 대표가 참석했다.' })}\n`,
    type: 'application/jsonl'
  }
  await dropFiles(page, [...SEEDS.map(seedFile), jsonl])

  await expect(status(page)).toContainText('Imported 4 new documents from the dropped files.')
  await expect(page.locator('.doc-item')).toHaveCount(4)
  await expect(page.getByTestId('doc-item-brief-1')).toBeVisible()
  await expect(page.getByText('Drop .txt or .jsonl files to import them')).toHaveCount(0)
  await expect(page.getByTestId('drop-progress')).toHaveCount(0)
  await page.screenshot({ path: '/tmp/desktop-drop-done.png' })

  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)
  // File i of n with its name, and the lines and bytes read so far; then the check-and-save step.
  expect(seen.some((t) => t.startsWith(`Reading file 1 of 4: ${SEEDS[0]} (0 lines, 0 B)`))).toBe(true)
  expect(seen.some((t) => t.startsWith('Reading file 4 of 4: briefs.jsonl'))).toBe(true)
  expect(seen.some((t) => /Reading file 4 of 4: briefs\.jsonl \(\d+ lines, [\d.]+ KB\)/.test(t))).toBe(true)
  expect(seen[seen.length - 1]).toBe('Checking and saving 4 files…')

  // The core has them, the seeds byte for byte.
  const docs = await server.api('listDocuments', { annotator: 'alice' })
  expect(docs.body.ok && (docs.body.result as unknown[]).length).toBe(4)
})

test('a drop with any other kind of file is refused whole, with a message', async ({ page, server }) => {
  await openApp(page, server)
  await dropFiles(page, [seedFile(SEEDS[0] as string), { name: 'photo.png', content: 'not text', type: 'image/png' }, { name: 'notes.docx', content: 'x', type: '' }])
  await expect(status(page)).toContainText('photo.png, notes.docx were not imported: only .txt and .jsonl files can be dropped here.')
  await expect(page.locator('.doc-item')).toHaveCount(0)
  const docs = await server.api('listDocuments', { annotator: 'alice' })
  expect(docs.body.ok && (docs.body.result as unknown[]).length).toBe(0)
})

test('web mode leaves out Open / New project and the API refuses them, saying what to do', async ({ page, server }) => {
  await openApp(page, server)
  await page.getByRole('button', { name: 'File', exact: true }).click()
  await expect(page.getByRole('menuitem', { name: 'Import…' })).toBeFocused()
  await expect(page.getByRole('menuitem', { name: /Open project/ })).toHaveCount(0)
  const reply = await server.api('switchProject', { how: 'open', path: join(server.home, 'other.sqlite') })
  expect(reply.body).toMatchObject({ ok: false, error: { code: 'rejected', message: { key: 'errors:webSwitchRefused' } } })
})
