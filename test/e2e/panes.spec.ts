import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Request } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { dbSetting, docItem, docText, importFiles, marks, openDoc, renderedSpans, SEED_IDS, seedText, selectText, sidebarCount, spanWithText } from './helpers'

const [A, , , D] = SEED_IDS as unknown as [string, string, string, string, string]

test('loads without console errors and lists the five seed articles', async ({ page, server, consoleErrors }) => {
  // Requests in flight, but for the live-update stream, which stays open as long as the page ('networkidle' never comes).
  const inFlight = new Set<Request>()
  page.on('request', (r) => void (new URL(r.url()).pathname === '/api/events' || inFlight.add(r)))
  page.on('requestfinished', (r) => void inFlight.delete(r))
  page.on('requestfailed', (r) => void inFlight.delete(r))
  await openApp(page, server)
  for (const id of SEED_IDS) await expect(docItem(page, id)).toBeVisible()
  await expect(page.locator('[data-testid^="doc-item-"]')).toHaveCount(5)
  await expect(page.getByTestId('annotator-name')).toHaveText('alice')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  // Let any late load-time errors (failed requests, effects) surface before checking.
  await page.waitForLoadState('load')
  await expect.poll(() => [...inFlight].map((r) => r.url())).toEqual([])
  expect(consoleErrors).toEqual([])
})

test('click and Ctrl+click open two documents side by side with their exact text', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
  await openDoc(page, D, { beside: true })

  const pane0 = page.getByTestId('pane-0')
  const pane1 = page.getByTestId('pane-1')
  await expect(page.locator('section[data-testid^="pane-"]')).toHaveCount(2)
  await expect(pane0.getByTestId(`doc-text-${A}`)).toBeVisible()
  await expect(pane1.getByTestId(`doc-text-${D}`)).toBeVisible()
  await expect(pane0.getByRole('button', { name: `Close ${A}` })).toBeVisible()
  await expect(pane1.getByRole('button', { name: `Close ${D}` })).toBeVisible()

  // Side by side: pane 1 starts to the right of pane 0, on the same row.
  const box0 = await pane0.boundingBox()
  const box1 = await pane1.boundingBox()
  expect(box0 && box1).toBeTruthy()
  if (box0 && box1) {
    expect(box1.x).toBeGreaterThanOrEqual(box0.x + box0.width - 1)
    expect(Math.abs(box1.y - box0.y)).toBeLessThan(2)
  }

  expect(await docText(page, A).evaluate((el) => el.textContent)).toBe(seedText(A))
  expect(await docText(page, D).evaluate((el) => el.textContent)).toBe(seedText(D))

  // A plain click replaces the document in the active pane (pane 1 after the Ctrl+click).
  await openDoc(page, SEED_IDS[1])
  await expect(page.locator('section[data-testid^="pane-"]')).toHaveCount(2)
  await expect(pane0.getByTestId(`doc-text-${A}`)).toBeVisible()
  await expect(pane1.getByTestId(`doc-text-${SEED_IDS[1]}`)).toBeVisible()
  expect(await docText(page, SEED_IDS[1]).evaluate((el) => el.textContent)).toBe(seedText(SEED_IDS[1]))

  // Up to four panes; a fifth Ctrl+click is refused with a message.
  await openDoc(page, SEED_IDS[2], { beside: true })
  await openDoc(page, SEED_IDS[4], { beside: true })
  await expect(page.locator('section[data-testid^="pane-"]')).toHaveCount(4)
  await docItem(page, D).click({ modifiers: ['Control'] })
  await expect(page.getByTestId('status')).toHaveText('At most 4 documents side by side: close a pane first.')
  await expect(page.locator('section[data-testid^="pane-"]')).toHaveCount(4)
  await expect(docText(page, D)).toHaveCount(0)

  // Closing a pane leaves the others in order.
  await pane0.getByRole('button', { name: `Close ${A}` }).click()
  await expect(page.locator('section[data-testid^="pane-"]')).toHaveCount(3)
  await expect(page.getByTestId('pane-0').getByTestId(`doc-text-${SEED_IDS[1]}`)).toBeVisible()
  await expect(page.getByTestId('pane-1').getByTestId(`doc-text-${SEED_IDS[2]}`)).toBeVisible()
  await expect(page.getByTestId('pane-2').getByTestId(`doc-text-${SEED_IDS[4]}`)).toBeVisible()
})

test('after a reload the spans and the open panes are restored', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, D)
  await openDoc(page, A, { beside: true })
  await selectText(page, D, '샘 올트먼')
  await page.keyboard.press('1')
  await spanWithText(page, D, '샘 올트먼')
  await selectText(page, A, 'SK그룹')
  await page.keyboard.press('2')
  await spanWithText(page, A, 'SK그룹')
  const before = [...(await renderedSpans(page, D)), ...(await renderedSpans(page, A))]
  await expect(sidebarCount(page, A)).toHaveText('1')

  // The layout is saved by the app shortly after a change; wait until the project has it.
  await expect
    .poll(() => dbSetting(server.projectFile, 'layout'))
    .toMatchObject({ panes: [{ docId: D }, { docId: A }], active: 1 })

  await page.reload()
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true')
  await expect(page.locator('section[data-testid^="pane-"]')).toHaveCount(2)
  await expect(page.getByTestId('pane-0').getByTestId(`doc-text-${D}`)).toBeVisible()
  await expect(page.getByTestId('pane-1').getByTestId(`doc-text-${A}`)).toBeVisible()
  await expect(marks(page, D)).toHaveCount(1)
  await expect(marks(page, A)).toHaveCount(1)
  const after = [...(await renderedSpans(page, D)), ...(await renderedSpans(page, A))]
  expect(after).toEqual(before)
  expect(after.map((s) => [s.label, s.text])).toEqual([
    ['PERSON', '샘 올트먼'],
    ['ORGANISATION', 'SK그룹']
  ])
  await expect(sidebarCount(page, A)).toHaveText('1')
  await expect(sidebarCount(page, D)).toHaveText('1')
  expect(await docText(page, D).evaluate((el) => el.textContent)).toBe(seedText(D))
})

test('the open panes are saved as soon as they change, so an immediate reload restores them', async ({ page, server }) => {
  await openApp(page, server)
  await openDoc(page, A)
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/saveLayout') && r.ok())
  await openDoc(page, D, { beside: true })
  await saved
  await page.reload()
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true')
  await expect(page.getByTestId('pane-0').getByTestId(`doc-text-${A}`)).toBeVisible()
  await expect(page.getByTestId('pane-1').getByTestId(`doc-text-${D}`)).toBeVisible()
  expect(dbSetting(server.projectFile, 'layout')).toMatchObject({ panes: [{ docId: A }, { docId: D }], active: 1 })
})

test('dragging the separator resizes the panes, and the sizes come back after a reload', async ({ page, server }) => {
  // Wide enough that a pane 200px narrower still keeps its 30 characters a line (the panes' minimum).
  await page.setViewportSize({ width: 1920, height: 1080 })
  await openApp(page, server)
  await openDoc(page, A)
  await openDoc(page, D, { beside: true })
  const pane0 = page.getByTestId('pane-0')
  const before = await pane0.boundingBox()
  const handle = await page.getByRole('separator').boundingBox()
  expect(before && handle).toBeTruthy()
  if (!before || !handle) return
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
  await page.mouse.down()
  await page.mouse.move(handle.x + handle.width / 2 - 200, handle.y + handle.height / 2, { steps: 8 })
  await page.mouse.up()
  const after = await pane0.boundingBox()
  expect(after!.width).toBeLessThan(before.width - 150)

  await expect.poll(() => (dbSetting(server.projectFile, 'layout') as { sizes: number[] } | null)?.sizes[0] ?? 50).toBeLessThan(40)
  await page.reload()
  await expect(page.getByTestId('pane-1').getByTestId(`doc-text-${D}`)).toBeVisible()
  const restored = await page.getByTestId('pane-0').boundingBox()
  expect(Math.abs(restored!.width - after!.width)).toBeLessThan(8)
})

test('a seed that forbids AI training is marked restricted, and the pane header changes the flag', async ({ page, server }) => {
  await openApp(page, server)
  const restricted = SEED_IDS[3]
  await expect(docItem(page, restricted).locator('.status-badge.restricted')).toHaveText('restricted')
  await expect(docItem(page, A).locator('.status-badge.restricted')).toHaveCount(0)
  await openDoc(page, restricted)
  const toggle = page.getByTestId('pane-0').getByRole('button', { name: 'No AI training' })
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await toggle.click()
  await expect(page.getByTestId('pane-0').getByRole('button', { name: 'AI training OK' })).toHaveAttribute('aria-pressed', 'false')
  await expect(docItem(page, restricted).locator('.status-badge.restricted')).toHaveCount(0)
})

test.describe('a long document', () => {
  test.use({ serverOptions: { annotator: 'alice', emptyProject: true } })

  test('opened from the sidebar, is painted windowed with its spans, and jumps to the end paint', async ({ page, server }) => {
    // Over 200,000 UTF-16 units, so only the blocks near the viewport are rendered.
    const line = '최태원 SK그룹 회장과 샘 올트먼 오픈AI 최고경영자가 4일 회동했다. 😀\n'
    const text = line.repeat(Math.ceil(210_000 / line.length))
    const per = [...line].length
    const lines = text.length / line.length
    const spans = Array.from({ length: lines }, (_, i) => ({ start: i * per, end: i * per + 3, label: 'PERSON' }))
    const file = join(server.home, 'long.jsonl')
    writeFileSync(file, JSON.stringify({ id: 'long', text, spans }) + '\n')
    await openApp(page, server)
    const dialog = await importFiles(page, [file])
    await expect(dialog.getByRole('status')).toContainText('Imported 1 new document')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await openDoc(page, 'long')
    const container = docText(page, 'long')
    await expect(container.locator('mark[data-label="PERSON"]').first()).toBeVisible()
    const rendered = await container.locator('.block').count()
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(lines / 10) // windowed: far fewer blocks than lines
    await page.getByTestId('pane-0').locator('.doc-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    const last = String(text.length - line.length)
    await expect(container.locator(`.block[data-offset="${last}"] mark[data-label="PERSON"]`)).toBeVisible()
  })
})
