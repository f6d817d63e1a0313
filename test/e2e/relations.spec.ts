import Database from 'better-sqlite3'
import { expect, openApp, test } from './fixtures'
import { markById, openDoc, savedStatus, SEED_IDS, selectText, spanWithText, status } from './helpers'

const A = SEED_IDS[0]
// The refused link (a Date clicked as a participant) is a 422 the page logs.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 422 .*\/api\/createRelation\)$/] })

/** The links stored in the project file (read-only, beside the running server). */
function dbRelations(projectFile: string): { annotator: string; from_span: number; to_span: number; type: string }[] {
  const db = new Database(projectFile, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    return db.prepare('SELECT annotator, from_span, to_span, type FROM relations ORDER BY id').all() as never
  } finally {
    db.close()
  }
}

test('a meeting is linked to its participant and date with p and d, shown in the panel, highlighted on hover, undone with Ctrl+Z', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
  const label = async (word: string, key: string) => {
    await selectText(page, A, word)
    await page.keyboard.press(key)
    return spanWithText(page, A, word)
  }
  const meeting = await label('회동', '4')
  const chey = await label('최태원', '1')
  const day = await label('4일', '3')
  expect([meeting.label, chey.label, day.label]).toEqual(['MEETING', 'PERSON', 'DATE'])

  const panel = page.getByTestId('pane-0').getByTestId('relations-panel')
  await markById(page, A, meeting.id).click()
  await expect(markById(page, A, meeting.id)).toHaveClass(/selected/)
  await expect(panel).toContainText('No links yet.')

  // p: link mode asks for the participant; the click on 최태원 makes the link.
  await page.keyboard.press('p')
  await expect(status(page)).toHaveText('Click the participant… (Escape cancels)')
  await expect(panel).toContainText('Linking “회동”: click the participant…')
  await markById(page, A, chey.id).click()
  await expect(status(page)).toHaveText(savedStatus('Link Participant: “회동” → “최태원”'))
  const participant = panel.locator('li[data-relation-type="participant"]')
  await expect(participant).toHaveText(/^Participant → 최태원/)
  await expect(markById(page, A, meeting.id)).toHaveClass(/selected/)

  // Hovering the link rings both of its ends in the text; leaving it clears them.
  await participant.hover()
  await expect(markById(page, A, meeting.id)).toHaveAttribute('data-linked', 'from')
  await expect(markById(page, A, chey.id)).toHaveAttribute('data-linked', 'to')
  await expect(markById(page, A, day.id)).not.toHaveAttribute('data-linked', /.*/)
  await page.getByTestId('status').hover()
  await expect(markById(page, A, meeting.id)).not.toHaveAttribute('data-linked', /.*/)

  // The wrong label is refused with the rule; Escape leaves link mode.
  await page.keyboard.press('p')
  await markById(page, A, day.id).click()
  await expect(status(page)).toHaveText(
    'Participant links Meeting to Person / Organisation, but the other span is Date. Pick a Person / Organisation span.'
  )
  await page.keyboard.press('l')
  await expect(panel).toContainText('click the place')
  await page.keyboard.press('Escape')
  await expect(status(page)).toHaveText('Linking cancelled')
  await expect(markById(page, A, meeting.id)).toHaveClass(/selected/)

  // d: the date.
  await page.keyboard.press('d')
  await markById(page, A, day.id).click()
  await expect(status(page)).toHaveText(savedStatus('Link Date: “회동” → “4일”'))
  await expect(panel.locator('li')).toHaveText([/^Participant → 최태원/, /^Date → 4일/])
  await page.screenshot({ path: '/tmp/r9-relations.png' })
  expect(dbRelations(server.projectFile)).toEqual([
    { annotator: 'alice', from_span: meeting.id, to_span: chey.id, type: 'participant' },
    { annotator: 'alice', from_span: meeting.id, to_span: day.id, type: 'date' }
  ])

  // Ctrl+Z takes back the date link only.
  await page.keyboard.press('Control+z')
  await expect(status(page)).toHaveText(savedStatus('Undo: Link Date: “회동” → “4일”'))
  await expect(panel.locator('li')).toHaveText([/^Participant → 최태원/])
  expect(dbRelations(server.projectFile)).toEqual([{ annotator: 'alice', from_span: meeting.id, to_span: chey.id, type: 'participant' }])

  // The participant's own view shows the link from the other end; its delete button removes it.
  await markById(page, A, chey.id).click()
  const incoming = panel.locator('li')
  await expect(incoming).toHaveText([/^Participant of 회동/])
  await incoming.getByRole('button', { name: 'Delete link Participant of 회동' }).click()
  await expect(status(page)).toHaveText(savedStatus('Unlink Participant: “회동” → “최태원”'))
  expect(dbRelations(server.projectFile)).toEqual([])
})

test('deleting a linked meeting takes its links along and one Ctrl+Z brings both back; a second tab follows the links live', async ({ page, server }) => {
  const other = await page.context().newPage()
  await openApp(page, server)
  await openApp(other, server)
  await openDoc(page, A)
  await openDoc(other, A)
  await selectText(page, A, '회동')
  await page.keyboard.press('4')
  const meeting = await spanWithText(page, A, '회동')
  await selectText(page, A, '샘 올트먼')
  await page.keyboard.press('1')
  const altman = await spanWithText(page, A, '샘 올트먼')
  await markById(page, A, meeting.id).click()
  await page.keyboard.press('p')
  await markById(page, A, altman.id).click()
  await expect(status(page)).toHaveText(savedStatus('Link Participant: “회동” → “샘 올트먼”'))

  // The other tab: select the meeting there and its link is listed; hovering highlights both ends.
  await spanWithText(other, A, '샘 올트먼')
  await markById(other, A, meeting.id).click()
  const otherPanel = other.getByTestId('pane-0').getByTestId('relations-panel')
  await expect(otherPanel.locator('li')).toHaveText([/^Participant → 샘 올트먼/])
  await otherPanel.locator('li').hover()
  await expect(markById(other, A, altman.id)).toHaveAttribute('data-linked', 'to')
  await other.screenshot({ path: '/tmp/r9-relations-hover.png' })

  // Delete the meeting: the link goes with it (in both tabs), and one undo restores both.
  await page.keyboard.press('Delete')
  await expect(status(page)).toHaveText(savedStatus('Delete “회동” and 1 link'))
  expect(dbRelations(server.projectFile)).toEqual([])
  await expect(markById(other, A, meeting.id)).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(status(page)).toHaveText(savedStatus('Undo: Delete “회동” and 1 link'))
  expect(dbRelations(server.projectFile)).toEqual([{ annotator: 'alice', from_span: meeting.id, to_span: altman.id, type: 'participant' }])
  await expect(page.getByTestId('pane-0').getByTestId('relations-panel').locator('li')).toHaveText([/^Participant → 샘 올트먼/])
  await markById(other, A, meeting.id).click()
  await expect(otherPanel.locator('li')).toHaveText([/^Participant → 샘 올트먼/])
})
