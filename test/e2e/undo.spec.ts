import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { docText, marks, openDoc, savedStatus, seedText, selectText, status } from './helpers'

test.use({ serverOptions: { annotator: 'alice', emptyProject: false } })

/**
 * Issue 15: after rejecting a suggestion with x, Ctrl+Z undid an older "Accept … suggestions" in
 * the other pane instead. Ctrl+Z must undo exactly the last action, name it, and show the
 * document of the change it undoes.
 */
const FROM = '000_2f535eeb48f059c6'
const DOC = '002_350a00930be01512'
const suggestions = (page: Page, docId: string) => docText(page, docId).locator('[data-suggestion]')
const MENTIONS = seedText(DOC).split('올트먼').length - 1
const IN_FROM = seedText(FROM).split('올트먼').length - 1

test('Ctrl+Z after rejecting a suggestion undoes the rejection, not an accept-all in the other pane; the next Ctrl+Z shows that pane again', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, FROM)
  await selectText(page, FROM, '올트먼', 1)
  await page.keyboard.press('1')
  await expect(status(page)).toHaveText(savedStatus('Label “올트먼” as Person'))

  // The other pane: accept every Person suggestion of DOC in one step.
  await openDoc(page, DOC, { beside: true })
  await expect(suggestions(page, DOC)).toHaveCount(MENTIONS)
  await suggestions(page, DOC).first().click()
  await page.keyboard.press('Shift+Enter')
  await expect(status(page)).toHaveText(savedStatus(`Accept ${MENTIONS} Person suggestions in ${DOC}`))
  await expect(marks(page, DOC)).toHaveCount(MENTIONS)

  // Back in the first pane: x rejects a suggestion there.
  await expect(suggestions(page, FROM)).toHaveCount(IN_FROM - 1)
  await suggestions(page, FROM).first().click()
  await page.keyboard.press('x')
  await expect(status(page)).toHaveText('Reject the suggestion “올트먼” (Person): it will not be suggested here again')
  await expect(suggestions(page, FROM)).toHaveCount(IN_FROM - 2)

  // Ctrl+Z takes exactly that back: the suggestion returns, the accepted spans in the other pane stay.
  await page.keyboard.press('Control+z')
  await expect(status(page)).toHaveText(savedStatus('Undo: Reject the suggestion “올트먼” (Person): it will not be suggested here again'))
  await expect(suggestions(page, FROM)).toHaveCount(IN_FROM - 1)
  await expect(marks(page, DOC)).toHaveCount(MENTIONS)

  // Close the other pane; the next Ctrl+Z undoes the accept-all there and opens its document again.
  await page.getByTestId('pane-1').getByRole('button', { name: `Close ${DOC}` }).click()
  await expect(docText(page, DOC)).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(status(page)).toHaveText(savedStatus(`Undo: Accept ${MENTIONS} Person suggestions in ${DOC}`))
  await expect(page.getByTestId('pane-1').getByTestId(`doc-text-${DOC}`)).toBeVisible()
  await expect(marks(page, DOC)).toHaveCount(0)
  await expect(suggestions(page, DOC)).toHaveCount(MENTIONS)
  await expect(marks(page, FROM)).toHaveCount(1)
})
