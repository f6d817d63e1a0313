import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { dbSpans, docText, marks, openDoc, renderedSpans, savedStatus, seedText, selectText, status } from './helpers'

test.use({ serverOptions: { annotator: 'alice', emptyProject: false } })

const FROM = '000_2f535eeb48f059c6'
const DOC = '002_350a00930be01512'
const suggestions = (page: Page, docId: string) => docText(page, docId).locator('[data-suggestion]')
/** Mentions of 올트먼 in the seed (none of them inside a longer word). */
const MENTIONS = seedText(DOC).split('올트먼').length - 1

test('labelling 올트먼 in one seed suggests it on another; Enter accepts one, x rejects one for good, Shift+Enter accepts the rest in one undo step', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, FROM)
  await selectText(page, FROM, '올트먼', 1)
  await page.keyboard.press('1')
  await expect(status(page)).toHaveText(savedStatus('Label “올트먼” as Person'))
  // The other mentions in the same document are suggested too.
  await expect(suggestions(page, FROM)).toHaveCount(seedText(FROM).split('올트먼').length - 2)

  await openDoc(page, DOC)
  await expect(suggestions(page, DOC)).toHaveCount(MENTIONS)
  expect(MENTIONS).toBeGreaterThan(10)
  // Suggestions are drawn over the text, not as spans: no marks, and the text is the article's text exactly.
  await expect(marks(page, DOC)).toHaveCount(0)
  expect(await docText(page, DOC).evaluate((el) => el.textContent)).toBe(seedText(DOC))
  expect(await suggestions(page, DOC).first().evaluate((el) => [el.tagName, el.textContent, el.getAttribute('data-suggestion')])).toEqual(['SPAN', '올트먼', 'PERSON'])
  await suggestions(page, DOC).first().scrollIntoViewIfNeeded()
  await page.screenshot({ path: '/tmp/sugg-suggestions.png' })

  // Click a suggestion, Enter accepts it.
  await suggestions(page, DOC).first().click()
  await page.keyboard.press('Enter')
  await expect(status(page)).toHaveText(savedStatus('Label “올트먼” as Person'))
  await expect(marks(page, DOC)).toHaveCount(1)
  await expect(suggestions(page, DOC)).toHaveCount(MENTIONS - 1)

  // x rejects the next one; it stays away after a reload.
  await suggestions(page, DOC).nth(0).click()
  await page.keyboard.press('x')
  await expect(status(page)).toHaveText('Reject the suggestion “올트먼” (Person): it will not be suggested here again')
  await expect(suggestions(page, DOC)).toHaveCount(MENTIONS - 2)
  await openApp(page, server)
  await expect(suggestions(page, DOC)).toHaveCount(MENTIONS - 2)
  await expect(marks(page, DOC)).toHaveCount(1)

  // The caret inside a suggestion is enough: Shift+Enter accepts every Person suggestion of the document.
  await selectText(page, DOC, '올트먼', 5)
  await page.evaluate(() => window.getSelection()?.collapseToStart())
  await page.keyboard.press('Shift+Enter')
  await expect(status(page)).toHaveText(savedStatus(`Accept ${MENTIONS - 2} Person suggestions in ${DOC}`))
  await expect(suggestions(page, DOC)).toHaveCount(0)
  await expect(marks(page, DOC)).toHaveCount(MENTIONS - 1)
  expect(dbSpans(server.projectFile, DOC)).toHaveLength(MENTIONS - 1)
  expect(new Set((await renderedSpans(page, DOC)).map((s) => s.text))).toEqual(new Set(['올트먼']))

  // One undo takes the whole batch back; the rejected one is still not suggested.
  await page.keyboard.press('Control+z')
  await expect(marks(page, DOC)).toHaveCount(1)
  await expect(suggestions(page, DOC)).toHaveCount(MENTIONS - 2)
})
