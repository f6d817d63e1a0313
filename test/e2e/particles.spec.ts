import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { dbSpans, docText, openDoc, renderedSpans, savedStatus, selectText, spanWithText, status } from './helpers'

const DOC = '002_350a00930be01512'

test.use({ serverOptions: { annotator: 'alice', emptyProject: false } })

/** Scrolls to the first occurrence of needle and returns the centre of its second character (page coordinates). */
async function centreOf(page: Page, needle: string): Promise<{ x: number; y: number }> {
  return docText(page, DOC).evaluate((container, needle) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(needle)
      if (at < 0) continue
      n.parentElement?.scrollIntoView({ block: 'center' })
      const r = document.createRange()
      r.setStart(n, at + 1)
      r.setEnd(n, at + 2)
      const box = r.getBoundingClientRect()
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
    }
    throw new Error(`${needle} is not in one text node`)
  }, needle)
}

test('a double-click selects the word without its particle, in real Chromium', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, DOC)
  for (const [word, expected] of [
    ['올트먼의', '올트먼'],
    ['오픈AI가', '오픈AI'],
    ['손정의 ', '손정의'],
    ['두바이', '두바이']
  ] as const) {
    const { x, y } = await centreOf(page, word)
    await page.mouse.dblclick(x, y)
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(expected)
  }
})

test('labelling trims the particle, says so, and one Ctrl+Z keeps it; the toggle turns trimming off', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, DOC)
  await selectText(page, DOC, '올트먼의')
  await page.keyboard.press('1')
  await expect(status(page)).toHaveText(savedStatus('Label “올트먼” as Person, trimmed “의” (undo keeps them)'))
  expect((await renderedSpans(page, DOC)).map((s) => s.text)).toEqual(['올트먼'])
  expect(dbSpans(server.projectFile, DOC).map((s) => s.end - s.start)).toEqual([3])

  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await renderedSpans(page, DOC)).map((s) => s.text)).toEqual(['올트먼의'])
  expect(dbSpans(server.projectFile, DOC).map((s) => s.end - s.start)).toEqual([4])

  await page.getByLabel('Trim particles').uncheck()
  await expect(page.getByLabel('Trim particles')).not.toBeChecked()
  await selectText(page, DOC, '오픈AI가')
  await page.keyboard.press('2')
  await spanWithText(page, DOC, '오픈AI가')
  // a reload keeps the preference
  await page.reload()
  await expect(page.getByLabel('Trim particles')).not.toBeChecked()
})
