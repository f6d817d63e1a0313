import { expect, openApp, test, type SpanmarkServer } from './fixtures'
import { codePointRange, markById, openDoc, SEED_IDS, seedText } from './helpers'

/**
 * Live refresh of the links views: an import that brings only entities and links (its documents
 * and spans are there already) is announced, so an open tab's Entities panel and links strip show
 * them; the Meetings view follows links made and deleted elsewhere while it is open.
 */
const A = SEED_IDS[0]

async function ok<T>(server: SpanmarkServer, method: string, args: unknown): Promise<T> {
  const r = await server.api(method, args)
  if (!r.body.ok) throw new Error(`${method}: ${r.body.error?.message}`)
  return r.body.result as T
}

async function span(server: SpanmarkServer, needle: string, label: string): Promise<number> {
  const r = await ok<{ changes: { spanId: number }[] }>(server, 'createSpan', { docId: A, annotator: 'alice', ...codePointRange(seedText(A), needle), label })
  return r.changes[0]!.spanId
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

test('an import that adds only an entity and a link is announced: an open tab shows them in the Entities panel and the links strip', async ({ page, server }) => {
  const meeting = await span(server, '회동', 'MEETING')
  await span(server, '최태원', 'PERSON')
  await openApp(page, server)
  await openDoc(page, A)
  const entities = page.getByTestId('entities-panel')
  await expect(entities).toContainText('No entities yet.')
  await markById(page, A, meeting).click()
  const strip = page.getByTestId('pane-0').getByTestId('relations-panel')
  await expect(strip).toContainText('No links yet.')

  // The same document and spans, now with the meeting's participant and 최태원's entity.
  const line = {
    id: A,
    text: seedText(A),
    annotator: 'alice',
    spans: [
      { id: 1, ...codePointRange(seedText(A), '회동'), label: 'MEETING' },
      { id: 2, ...codePointRange(seedText(A), '최태원'), label: 'PERSON', entity_id: 7 }
    ],
    relations: [{ from: 1, to: 2, type: 'participant' }]
  }
  const result = await ok<Record<string, unknown>>(server, 'importFiles', {
    files: [
      { name: 'links.jsonl', base64: base64(JSON.stringify(line) + '\n') },
      { name: 'links.entities.jsonl', base64: base64(JSON.stringify({ id: 7, name: '최태원', type: 'PERSON', mentions: 1 }) + '\n') }
    ]
  })
  expect(result).toMatchObject({ newDocuments: 0, newSpans: 0, newRelations: 1, newEntities: 1, newEntityLinks: 1 })

  const row = entities.locator('[data-entity-name="최태원"]')
  await expect(row.getByTestId('entity-count')).toHaveText('1 mention · 1 document')
  await expect(strip.locator('li')).toHaveText([/^Participant → 최태원/])
  await page.screenshot({ path: '/tmp/links-live-import.png' })
})

test('the open Meetings view lists a meeting linked in another tab, and drops it when the link is deleted there', async ({ page, server }) => {
  const meeting = await span(server, '회동', 'MEETING')
  const chey = await span(server, '최태원', 'PERSON')
  await openApp(page, server)
  await page.getByRole('button', { name: 'Meetings', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Meetings' })
  await expect(dialog).toContainText('No meetings yet.')

  // Another tab links the meeting to its participant (the same annotator's layer).
  const other = await page.context().newPage()
  await openApp(other, server)
  await openDoc(other, A)
  await markById(other, A, meeting).click()
  await other.keyboard.press('p')
  await markById(other, A, chey).click()
  await expect(other.getByTestId('pane-0').getByTestId('relations-panel').locator('li')).toHaveText([/^Participant → 최태원/])

  const rows = dialog.locator('.meeting-event')
  await expect(rows).toHaveCount(1)
  await expect(rows.locator('.participant-chip')).toHaveText(['최태원'])

  // Deleted there: gone here.
  await other.getByTestId('pane-0').getByTestId('relations-panel').getByRole('button', { name: /^Delete link/ }).click()
  await expect(rows).toHaveCount(0)
  await expect(dialog).toContainText('No meetings yet.')
})
