import { expect, openApp, test } from './fixtures'
import { dbSpans, openDoc, renderedSpans, savedStatus, SEED_IDS, seedText, selectText, sidebarCount, spanWithText, status } from './helpers'

const DOC = '002_350a00930be01512'
const mentions = (id: string): number => seedText(id).split('올트먼').length - 1
const TOTAL = SEED_IDS.reduce((n, id) => n + mentions(id), 0)
/** alice's spans in the project file, each with its text. */
const aliceSpans = (projectFile: string) =>
  dbSpans(projectFile)
    .filter((s) => s.annotator === 'alice')
    .map((s) => ({ ...s, text: [...seedText(s.doc_id)].slice(s.start, s.end).join('') }))

test.use({ serverOptions: { annotator: 'alice', emptyProject: false } })

test('label 올트먼 once, then every other mention in the five seeds with Ctrl+Shift+A and Enter; one Ctrl+Z removes them', async ({ page, server }) => {
  expect(TOTAL).toBe(57)
  await page.setViewportSize({ width: 1300, height: 850 })
  await openApp(page, server)
  await openDoc(page, DOC)

  // Action 1 and 2: select the name with its particle, press the Person key (the particle is trimmed).
  await selectText(page, DOC, '올트먼의')
  await page.keyboard.press('1')
  await spanWithText(page, DOC, '올트먼')
  await expect(status(page)).toHaveText(savedStatus('Label “올트먼” as Person, trimmed “의” (undo keeps them)'))

  // Action 3: the shortcut opens the list (whole corpus is where it starts; choosing it again changes nothing).
  await page.keyboard.press('Control+Shift+A')
  const dialog = page.getByRole('dialog', { name: 'All occurrences' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Whole corpus').check()
  await expect(dialog.getByTestId('occ-summary')).toHaveText(`${TOTAL - 1} occurrences in 5 of 5 documents; 1 already Person (not listed).`)
  const listbox = dialog.getByRole('listbox')
  const options = listbox.getByRole('option')
  await expect(options).toHaveCount(TOTAL - 1)
  await expect(listbox.locator('[role="option"][aria-selected="true"]')).toHaveCount(TOTAL - 1)
  // keyword in context, with the document id
  await expect(options.first()).toContainText(SEED_IDS[0])
  await expect(options.first().locator('mark')).toHaveText('올트먼')

  // The keyboard works on the list: arrows move, Space unchecks and checks again.
  await expect(listbox).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Space')
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'false')
  await expect(dialog.getByRole('button', { name: `Label ${TOTAL - 2} as Person` })).toBeVisible()
  if (process.env['OCC_SCREENSHOT']) await page.screenshot({ path: process.env['OCC_SCREENSHOT'] })
  await page.keyboard.press('Space')
  await expect(dialog.getByRole('button', { name: `Label ${TOTAL - 1} as Person` })).toBeVisible()

  // Action 4: Enter labels the checked ones in one step.
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(status(page)).toHaveText(savedStatus(`Label ${TOTAL - 1} occurrences of “올트먼” as Person in 5 documents`))
  const saved = aliceSpans(server.projectFile)
  expect(saved).toHaveLength(TOTAL)
  expect(new Set(saved.map((s) => `${s.text}/${s.label}`))).toEqual(new Set(['올트먼/PERSON']))
  for (const id of SEED_IDS) expect(saved.filter((s) => s.doc_id === id)).toHaveLength(mentions(id))
  // The open pane shows them and the sidebar counts moved, without a reload.
  await expect.poll(async () => (await renderedSpans(page, DOC)).length).toBe(mentions(DOC))
  await expect(sidebarCount(page, SEED_IDS[0])).toHaveText(String(mentions(SEED_IDS[0])))

  // One Ctrl+Z removes all of them; the span labelled by hand stays.
  await page.keyboard.press('Control+z')
  await expect(status(page)).toHaveText(savedStatus(`Undo: Label ${TOTAL - 1} occurrences of “올트먼” as Person in 5 documents`))
  expect(aliceSpans(server.projectFile).map((s) => s.text)).toEqual(['올트먼'])
  await expect.poll(async () => (await renderedSpans(page, DOC)).length).toBe(1)
})

test('from a text selection: this document only, a label chosen in the dialog, Escape closes without labelling', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, DOC)
  await selectText(page, DOC, '오픈AI')
  await page.getByRole('button', { name: 'All occurrences…' }).click()
  const dialog = page.getByRole('dialog', { name: 'All occurrences' })
  await dialog.getByLabel('This document').check()
  const inDoc = seedText(DOC).split('오픈AI').length - 1
  await expect(dialog.getByTestId('occ-summary')).toHaveText(`${inDoc} occurrences in 1 of 1 document.`)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(aliceSpans(server.projectFile)).toEqual([])

  await selectText(page, DOC, '오픈AI')
  await page.keyboard.press('Control+Shift+A')
  await expect(dialog.getByTestId('occ-summary')).toHaveText(`${inDoc} occurrences in 1 of 1 document.`)
  await dialog.getByLabel('Label as').selectOption('ORGANISATION')
  await dialog.getByRole('button', { name: `Label ${inDoc} as Organisation` }).click()
  await expect(status(page)).toHaveText(savedStatus(`Label ${inDoc} occurrences of “오픈AI” as Organisation`))
  const saved = aliceSpans(server.projectFile)
  expect(saved.map((s) => `${s.text}/${s.label}`)).toEqual(Array(inDoc).fill('오픈AI/ORGANISATION'))
})
