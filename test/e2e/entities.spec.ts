import Database from 'better-sqlite3'
import { expect, openApp, test } from './fixtures'
import { docText, openDoc, SEED_IDS, selectText, spanWithText, status } from './helpers'

const A = SEED_IDS[0]
const B = SEED_IDS[2]
const GLOW = /rgb\(112, 72, 232\) 0px 0px 0px 2px/

test.use({ serverOptions: { annotator: 'alice', emptyProject: false } })

/** span id → entity name, from the project file. */
function links(projectFile: string): { spanId: number; name: string; type: string }[] {
  const db = new Database(projectFile, { readonly: true, fileMustExist: true })
  try {
    return db
      .prepare('SELECT se.span_id AS spanId, e.name, e.type FROM span_entities se JOIN entities e ON e.id = se.entity_id ORDER BY se.span_id')
      .all() as { spanId: number; name: string; type: string }[]
  } finally {
    db.close()
  }
}

test('샘 올트먼 in one article and 올트먼 in another become one entity with e; hovering it lights up both panes', async ({ page, server }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await openApp(page, server)
  await openDoc(page, A)
  await openDoc(page, B, { beside: true })

  // Pane 1: label 샘 올트먼 as Person (key 1), press e, type the entity's name, Enter creates it.
  await selectText(page, A, '샘 올트먼')
  await page.keyboard.press('1')
  const first = await spanWithText(page, A, '샘 올트먼')
  await page.keyboard.press('e')
  const picker = page.getByRole('dialog', { name: 'Link “샘 올트먼” to an entity' })
  const input = picker.getByLabel('Entity (Person)')
  await expect(input).toHaveValue('샘 올트먼')
  await input.fill('Sam Altman')
  await expect(picker.locator('[role="option"][aria-selected="true"]')).toHaveText('Create Sam Altman (Person)')
  await input.press('Enter')
  await expect(picker).toHaveCount(0)
  await expect(status(page)).toContainText('Link 1 mention to Sam Altman')
  const ids = await entityIds(server)
  expect(ids).toHaveLength(1)
  const entityId = String(ids[0])
  await expect(docText(page, A).locator(`mark[data-span-id="${first.id}"]`)).toHaveAttribute('data-entity', entityId)
  await expect(docText(page, A).locator(`mark[data-span-id="${first.id}"]`)).toHaveAttribute('title', 'Person (PERSON) → Sam Altman')

  // Pane 2: 올트먼의 → 올트먼 (particle trimmed); e finds Sam Altman by its mention 샘 올트먼, Enter picks it.
  await selectText(page, B, '올트먼의')
  await page.keyboard.press('1')
  const second = await spanWithText(page, B, '올트먼')
  await page.keyboard.press('e')
  const picker2 = page.getByRole('dialog', { name: 'Link “올트먼” to an entity' })
  await expect(picker2.getByLabel('Entity (Person)')).toHaveValue('올트먼')
  await expect(picker2.locator('[role="option"][aria-selected="true"]')).toContainText('Sam Altman')
  await expect(picker2.getByRole('option')).toHaveText(['Sam Altman 1 mention', 'Create 올트먼 (Person)'])
  await page.screenshot({ path: '/tmp/entities-picker.png' })
  await page.keyboard.press('Enter')
  await expect(picker2).toHaveCount(0)
  await expect(docText(page, B).locator(`mark[data-span-id="${second.id}"]`)).toHaveAttribute('data-entity', entityId)

  // A third Person span, not linked: e then Escape links nothing.
  await selectText(page, A, '최태원')
  await page.keyboard.press('1')
  const other = await spanWithText(page, A, '최태원')
  await page.keyboard.press('e')
  await expect(page.getByRole('dialog', { name: 'Link “최태원” to an entity' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(links(server.projectFile)).toEqual([
    { spanId: first.id, name: 'Sam Altman', type: 'PERSON' },
    { spanId: second.id, name: 'Sam Altman', type: 'PERSON' }
  ])

  // The Entities panel: one entity, 2 mentions in 2 documents.
  const row = page.getByTestId('entities-panel').locator('[data-entity-name="Sam Altman"]')
  await expect(page.getByTestId('entities-panel').locator('.entity-row')).toHaveCount(1)
  await expect(row.getByTestId('entity-count')).toHaveText('2 mentions · 2 documents')

  // Hovering the entity lights up its marks in both panes, and not the unlinked one.
  const markA = docText(page, A).locator(`mark[data-span-id="${first.id}"]`)
  const markB = docText(page, B).locator(`mark[data-span-id="${second.id}"]`)
  const markOther = docText(page, A).locator(`mark[data-span-id="${other.id}"]`)
  await expect(markA).not.toHaveCSS('box-shadow', GLOW)
  await row.hover()
  await expect(markA).toHaveCSS('box-shadow', GLOW)
  await expect(markB).toHaveCSS('box-shadow', GLOW)
  await expect(markOther).toHaveCSS('box-shadow', 'none')
  await page.screenshot({ path: '/tmp/entities-hover.png' })

  // Moving off clears it; hovering the mention in pane 2 lights up the one in pane 1.
  await page.getByTestId('status').hover()
  await expect(markA).toHaveCSS('box-shadow', 'none')
  await markB.hover()
  await expect(markA).toHaveCSS('box-shadow', GLOW)
  await expect(row).toHaveClass(/hover/)

  // Opening the entity lists its mentions in context.
  await row.getByRole('button').first().click()
  await expect(row.locator('.entity-mentions li')).toHaveCount(2)
  await expect(row.locator('.entity-mentions li').first()).toContainText(A)

  // Unlinking a mention there: the count drops and its mark no longer carries the entity.
  await row.getByRole('button', { name: `Unlink 올트먼 in ${B} from Sam Altman` }).click()
  await expect(row.getByTestId('entity-count')).toHaveText('1 mention · 1 document')
  await expect(markB).not.toHaveAttribute('data-entity')
  expect(links(server.projectFile).map((l) => l.spanId)).toEqual([first.id])

  // Made twice by mistake: link it to a new entity 올트먼 (↓ to "Create", Enter), then merge that into Sam Altman.
  await markB.click()
  await page.keyboard.press('e')
  const picker3 = page.getByRole('dialog', { name: 'Link “올트먼” to an entity' })
  await expect(picker3.getByRole('option')).toHaveCount(2)
  await page.keyboard.press('ArrowDown')
  await expect(picker3.locator('[role="option"][aria-selected="true"]')).toHaveText('Create 올트먼 (Person)')
  await page.keyboard.press('Enter')
  const dup = page.getByTestId('entities-panel').locator('[data-entity-name="올트먼"]')
  await expect(dup.getByTestId('entity-count')).toHaveText('1 mention · 1 document')
  await expect(page.getByTestId('entities-panel').locator('.entity-row')).toHaveCount(2)
  await dup.getByRole('button').first().click()
  await dup.getByLabel('Merge 올트먼 into').selectOption({ label: 'Sam Altman' })
  await page.getByTestId('entities-panel').screenshot({ path: '/tmp/entities-panel.png' })
  await dup.getByRole('button', { name: 'Merge' }).click()
  await expect(status(page)).toContainText('Merge 올트먼 into Sam Altman (1 link moved)')
  await expect(page.getByTestId('entities-panel').locator('.entity-row')).toHaveCount(1)
  await expect(row.getByTestId('entity-count')).toHaveText('2 mentions · 2 documents')
  await expect(markB).toHaveAttribute('data-entity', entityId)
  expect(links(server.projectFile)).toEqual([
    { spanId: first.id, name: 'Sam Altman', type: 'PERSON' },
    { spanId: second.id, name: 'Sam Altman', type: 'PERSON' }
  ])
})

test('another tab sees a link as it is made', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
  await selectText(page, A, '샘 올트먼')
  await page.keyboard.press('1')
  const span = await spanWithText(page, A, '샘 올트먼')

  const other = await page.context().newPage()
  try {
    await openApp(other, server)
    await openDoc(other, A)
    const mark = docText(other, A).locator(`mark[data-span-id="${span.id}"]`)
    await expect(mark).toBeVisible()
    await expect(mark).not.toHaveAttribute('data-entity')

    await page.keyboard.press('e')
    await page.getByLabel('Entity (Person)').fill('Sam Altman')
    await page.getByLabel('Entity (Person)').press('Enter')
    // The entity is created by a request the Enter key starts: wait for it before reading its id.
    await expect.poll(async () => (await entityIds(server)).length).toBe(1)
    const [id] = await entityIds(server)
    await expect(mark).toHaveAttribute('data-entity', String(id))
    await expect(other.getByTestId('entities-panel').locator('[data-entity-name="Sam Altman"]').getByTestId('entity-count')).toHaveText('1 mention · 1 document')
  } finally {
    await other.close()
  }
})

async function entityIds(server: { api(method: string, args?: unknown): Promise<{ body: { result?: unknown } }> }): Promise<number[]> {
  const r = await server.api('listEntities', {})
  return (r.body.result as { id: number }[]).map((e) => e.id)
}
