import { readFileSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { codePointRange, dbSpans, docText, markById, openDoc, SEED_IDS, seedText, selectText, spanWithText } from './helpers'
import { renderMessage } from '../../src/shared/i18n/render'

const [A] = SEED_IDS as unknown as [string]

// Refusals the tests provoke come back as 4xx responses, which Chromium logs.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 4\d\d .*\/api\/(importLabelSchema|editLabel)\)$/] })

/** Opens the Labels screen from the label bar. */
async function openLabels(page: Page) {
  await page.getByRole('button', { name: 'Labels…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Labels' })
  await expect(dialog.getByRole('list', { name: 'Labels of this project' })).toBeVisible()
  return dialog
}

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Labels' })

test.beforeEach(async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
})

test('add a label with a hotkey, then label text with it; its guideline shows on hover and in the panel', async ({ page, server }) => {
  const dialog = await openLabels(page)
  await dialog.getByRole('button', { name: 'Add label' }).click()
  const form = dialog.getByRole('form', { name: 'New label' })
  await form.getByLabel('Key', { exact: true }).fill('place')
  await form.getByLabel('Display name').fill('Place')
  await form.getByLabel('Colour (#rrggbb)').fill('#0c8599')
  await expect(form.getByText(/Contrast \d\.\d:1 on the light theme, \d\.\d:1 on the dark theme/)).toBeVisible()
  // Hotkey capture: the key pressed is the hotkey.
  await form.getByLabel('Hotkey').press('5')
  await expect(form.getByLabel('Hotkey')).toHaveValue('5')
  await form.getByLabel('Guideline').fill('Places: 서울, 판교.')
  await page.screenshot({ path: '/tmp/labels-add.png' })
  await form.getByRole('button', { name: 'Add label' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Added label Place (PLACE).')
  await expect(dialog.locator('.label-row[data-key="PLACE"]')).toContainText('0 spans')
  await dialog.getByRole('button', { name: 'Close' }).click()

  const button = toolbar(page).getByRole('button', { name: /Place/ })
  await expect(button).toHaveAttribute('title', 'Place (PLACE), key 5: Places: 서울, 판교.')
  await expect(button).toHaveAttribute('aria-keyshortcuts', '5')

  await selectText(page, A, '서울')
  await page.keyboard.press('5')
  const span = await spanWithText(page, A, '서울')
  expect(span.label).toBe('PLACE')
  expect(dbSpans(server.projectFile)).toEqual([{ id: span.id, doc_id: A, annotator: 'alice', ...codePointRange(seedText(A), '서울'), label: 'PLACE' }])

  await page.getByRole('button', { name: 'Guidelines' }).click()
  const panel = page.getByRole('region', { name: 'Labelling guidelines' })
  await expect(panel).toContainText('Places: 서울, 판교.')
  await expect(panel).toContainText('A named individual')
  await page.screenshot({ path: '/tmp/labels-guidelines.png' })
  await panel.press('Escape')
  await expect(panel).toBeHidden()
})

test('a colliding hotkey or an unreadable colour is refused with a message next to the field', async ({ page, server }) => {
  const dialog = await openLabels(page)
  await dialog.getByRole('button', { name: 'Edit Date' }).click()
  const form = dialog.getByRole('form', { name: 'Edit Date' })
  const hotkey = form.getByLabel('Hotkey')
  await hotkey.press('1')
  await expect(form.getByRole('alert')).toHaveText('“1” is already used by PERSON: choose another key.')
  await expect(hotkey).toHaveAttribute('aria-invalid', 'true')
  await hotkey.press('p')
  await expect(form.getByRole('alert')).toHaveText('“p” starts a link (a role key): choose another key.')
  await hotkey.press('x')
  await expect(form.getByRole('alert')).toHaveText('“x” is already an app shortcut: choose another key.')
  await hotkey.press('7')
  await form.getByLabel('Colour (#rrggbb)').fill('#ffe066')
  await expect(form.getByRole('alert')).toContainText('Too light to read on the light theme')
  await page.screenshot({ path: '/tmp/labels-collision.png' })
  await form.getByRole('button', { name: 'Save' }).click()
  // Nothing was saved.
  const labels = (await server.api('listLabels', {})).body.result as { key: string; hotkey: string }[]
  expect(labels.find((l) => l.key === 'DATE')?.hotkey).toBe('3')
  // The core refuses the same collision when asked directly.
  const direct = await server.api('editLabel', { key: 'DATE', hotkey: '1' })
  expect(direct.body.error && renderMessage(direct.body.error.message, 'en')).toMatch(/"1" is already used by PERSON/)
})

test('rename a key: its spans keep their place and move to the new key', async ({ page, server }) => {
  await selectText(page, A, '최태원')
  await page.keyboard.press('1')
  const span = await spanWithText(page, A, '최태원')
  const dialog = await openLabels(page)
  await dialog.getByRole('button', { name: 'Rename the key of Person' }).click()
  const form = dialog.getByRole('form', { name: 'Rename the key PERSON' })
  await form.getByLabel('New key for PERSON').fill('ORGANISATION')
  await expect(form.getByRole('alert')).toHaveText('There is already a label ORGANISATION: choose another key.')
  await form.getByLabel('New key for PERSON').fill('per')
  await expect(form.getByRole('status')).toHaveText(
    '1 span moves from PERSON to PER, with the links and entities that use the key. This is one change.'
  )
  await form.getByRole('button', { name: 'Rename' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Renamed PERSON to PER: 1 span moved.')
  await expect(dialog.locator('.label-row[data-key="PER"]')).toContainText('1 span')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await expect(markById(page, A, span.id)).toHaveAttribute('data-label', 'PER')
  await expect(markById(page, A, span.id)).toHaveText('최태원')
  expect(dbSpans(server.projectFile)).toEqual([{ id: span.id, doc_id: A, annotator: 'alice', ...codePointRange(seedText(A), '최태원'), label: 'PER' }])
  // The hotkey follows the label.
  await selectText(page, A, '올트먼')
  await page.keyboard.press('1')
  expect((await spanWithText(page, A, '올트먼')).label).toBe('PER')
})

test('retire a label: its button and hotkey are gone, its spans stay and are marked; bring it back', async ({ page, server }) => {
  await selectText(page, A, '최태원')
  await page.keyboard.press('1')
  const span = await spanWithText(page, A, '최태원')
  const dialog = await openLabels(page)
  await dialog.getByRole('button', { name: 'Retire Person' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Retired Person: its spans are kept and marked.')
  await expect(dialog.locator('.label-row[data-key="PERSON"]')).toContainText('retired')
  await page.screenshot({ path: '/tmp/labels-screen.png' })
  await dialog.getByRole('button', { name: 'Close' }).click()

  await expect(toolbar(page).getByRole('button', { name: /Person/ })).toHaveCount(0)
  const mark = markById(page, A, span.id)
  await expect(mark).toHaveAttribute('data-retired', '')
  await expect(mark).toHaveAttribute('data-label-name', 'Person (retired)')
  await expect(mark).toHaveAttribute('title', /^Person \(retired\) \(PERSON\)/)
  await mark.hover()
  await page.screenshot({ path: '/tmp/labels-retired.png' })
  // Key 1 no longer labels.
  await selectText(page, A, '올트먼')
  await page.keyboard.press('1')
  await expect(docText(page, A).locator('mark[data-span-id]')).toHaveCount(1)
  expect(dbSpans(server.projectFile)).toHaveLength(1)

  const again = await openLabels(page)
  await again.getByRole('button', { name: 'Bring back Person' }).click()
  await expect(again.getByRole('status')).toHaveText('Brought back Person.')
  await again.getByRole('button', { name: 'Close' }).click()
  await expect(toolbar(page).getByRole('button', { name: /Person/ })).toBeVisible()
  await expect(markById(page, A, span.id)).not.toHaveAttribute('data-retired', '')
})

test('reorder with the keyboard', async ({ page }) => {
  const dialog = await openLabels(page)
  const down = dialog.getByRole('button', { name: 'Move Person down' })
  await down.focus()
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('status')).toHaveText('Moved Person.')
  await expect(dialog.getByRole('button', { name: 'Move Person down' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(() => dialog.locator('.label-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual([
    'ORGANISATION',
    'DATE',
    'PERSON',
    'MEETING'
  ])
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(toolbar(page).getByRole('button')).toHaveText([/Organisation/, /Date/, /Person/, /Meeting/])
})

test('export the schema and import it in another project; a malformed file is refused, naming it', async ({ page, server, startServer, home }) => {
  await server.api('addLabel', { key: 'PLACE', name: 'Place', hotkey: '5', color: '#0c8599', guideline: '서울' })
  const dialog = await openLabels(page)
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export schema' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('default-project.schema.json')
  const file = `${home}/team.schema.json`
  await download.saveAs(file)
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { spanmark_schema: number; labels: { key: string }[] }
  expect(schema.spanmark_schema).toBe(1)
  expect(schema.labels.map((l) => l.key)).toEqual(['PERSON', 'ORGANISATION', 'DATE', 'MEETING', 'PLACE'])

  const other = await startServer({ emptyProject: true })
  await openApp(page, other)
  const there = await openLabels(page)
  await expect(there.locator('.label-row')).toHaveCount(4)
  const bad = `${home}/broken.json`
  writeFileSync(bad, '{"labels": [')
  await there.getByLabel('Import schema file').setInputFiles(bad)
  await expect(there.getByRole('alert')).toContainText('broken.json is not a Spanmark schema file')
  await there.getByLabel('Import schema file').setInputFiles(file)
  await expect(there.getByRole('status')).toHaveText('Imported team.schema.json: 1 label(s) added, 0 updated.')
  await expect(there.locator('.label-row')).toHaveCount(5)
  await there.getByRole('button', { name: 'Close' }).click()
  await expect(toolbar(page).getByRole('button', { name: /Place/ })).toHaveAttribute('aria-keyshortcuts', '5')
})

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' })

  test('the Labels screen and the label bar speak Korean', async ({ page }) => {
    await page.getByRole('button', { name: '라벨…' }).click()
    const dialog = page.getByRole('dialog', { name: '라벨' })
    await expect(dialog.getByRole('list', { name: '이 프로젝트의 라벨' })).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Person 폐기' })).toBeVisible()
    await dialog.getByRole('button', { name: 'Date 편집' }).click()
    await dialog.getByLabel('단축키').press('1')
    await expect(dialog.getByRole('alert')).toHaveText('“1”은(는) 이미 PERSON에서 쓰고 있습니다. 다른 키를 고르세요.')
    await page.screenshot({ path: '/tmp/labels-ko.png' })
  })
})
