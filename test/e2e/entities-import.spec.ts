import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openApp, test } from './fixtures'
import { importFiles } from './helpers'

// A refused import answers 422, which Chromium logs.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 422 .*\/api\/importFiles\)$/] })

test('File → Import… with an export and its .entities.jsonl links the spans to the entities', async ({ page, server }) => {
  await openApp(page, server)
  const text = '샘 올트먼 CEO가 최태원 회장과 회동했다'
  const line = {
    id: 'ent-001',
    text,
    annotator: 'alice',
    spans: [
      { start: 0, end: 5, label: 'PERSON', text: '샘 올트먼', entity_id: 1 },
      { start: 11, end: 14, label: 'PERSON', text: '최태원', entity_id: 2 }
    ]
  }
  const file = join(server.home, 'out.jsonl')
  writeFileSync(file, JSON.stringify(line) + '\n')
  const entities = join(server.home, 'out.entities.jsonl')
  writeFileSync(entities, [{ id: 1, name: 'Sam Altman', type: 'PERSON', mentions: 1 }, { id: 2, name: '최태원', type: 'PERSON', mentions: 1 }].map((e) => JSON.stringify(e) + '\n').join(''))

  const dialog = await importFiles(page, [file, entities])
  await expect(dialog.getByRole('status')).toContainText('Imported 1 new document and 2 new spans from 1 file.')
  await expect(dialog.getByText('Note: out.entities.jsonl: 2 entities, 2 new (matched by name and type).')).toBeVisible()
  await expect(dialog.getByText('Note: 2 spans linked to their entities.')).toBeVisible()
  await page.screenshot({ path: '/tmp/rt9-import-entities.png' })

  const { body } = await server.api('listEntities', {})
  expect(body.ok).toBe(true)
  const listed = body.result as { name: string; type: string; mentions: number }[]
  expect(listed.map((e) => [e.name, e.type, e.mentions])).toEqual([
    ['Sam Altman', 'PERSON', 1],
    ['최태원', 'PERSON', 1]
  ])
})

test('an entity_id without its entities file refuses the import, with file and line', async ({ page, server }) => {
  await openApp(page, server)
  const file = join(server.home, 'alone.jsonl')
  writeFileSync(file, JSON.stringify({ id: 'ent-002', text: '샘 올트먼', annotator: 'alice', spans: [{ start: 0, end: 5, label: 'PERSON', entity_id: 1 }] }) + '\n')
  const dialog = await importFiles(page, [file])
  await expect(dialog.getByRole('alert')).toContainText('alone.jsonl:1: span 1: its "entity_id" 1 refers to an entities file, but none was given')
  const { body } = await server.api('listEntities', {})
  expect(body).toMatchObject({ ok: true, result: [] })
})
