import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openApp, ROOT, test } from './fixtures'
import { docText } from './helpers'
import { linkSeedMeetings, S } from './meetings-links'

test.use({ serverOptions: { annotator: 'alice', emptyProject: false } })

test('Meetings: the linked meetings of the seeds on a timeline; merge two into one event; open a sentence; export meetings.jsonl', async ({ page, server }) => {
  const ids = await linkSeedMeetings(server, 'alice')
  await page.setViewportSize({ width: 1300, height: 900 })
  await openApp(page, server)

  await page.getByRole('button', { name: 'Meetings', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Meetings' })
  const rows = dialog.locator('.meeting-event')
  await expect(rows).toHaveCount(9)
  // Date order, with the two meetings of the undated article (003) last.
  const dates = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-date')))
  expect(dates).toEqual(['2024-01-01', '2024-06-27', '2025-02-01', '2025-02-04', '2025-02-04', '2025-02-04', '2025-07-14', '', ''])
  await expect(rows.nth(0).locator('.meeting-date')).toHaveText('2024-01')
  await expect(rows.nth(0).locator('.meeting-written')).toHaveText('“지난해 1월”')
  await expect(rows.nth(6).locator('.meeting-date')).toHaveText('week of 2025-07-14')
  await expect(rows.nth(8).locator('.meeting-date')).toHaveText('date unknown')
  // Participants are chips named by their entity: "올트먼 CEO" and "최 회장" show as 샘 올트먼 and 최태원.
  const feb = dialog.locator(`.meeting-event[data-event="span:${ids[0]}"]`)
  await expect(feb.locator('.participant-chip')).toHaveText(['최태원', '샘 올트먼'])
  await expect(feb.locator('.meeting-place')).toHaveText('@ 서울 중구 플라자호텔')
  if (process.env['MEETINGS_SCREENSHOT']) await page.screenshot({ path: process.env['MEETINGS_SCREENSHOT'] })

  // Merge the February 2025 meeting as 000 and 004 report it ("이날", "지난 2월").
  const merge = dialog.getByRole('button', { name: 'Merge into one event' })
  await expect(merge).toBeDisabled()
  await feb.getByRole('checkbox').check()
  await dialog.locator(`.meeting-event[data-event="span:${ids[8]}"]`).getByRole('checkbox').check()
  await merge.click()
  await dialog.getByLabel('Name of the merged event').fill('서울 회동 2025년 2월')
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(dialog.getByRole('status')).toHaveText('Merge 2 meeting mentions into the event “서울 회동 2025년 2월”')
  await expect(rows).toHaveCount(8)
  const merged = rows.filter({ hasText: '서울 회동 2025년 2월' })
  await expect(merged.locator('.meeting-date')).toHaveText('2025-02-04') // the finer date of the two wins
  await expect(merged.locator('.meeting-count')).toHaveText('2 articles')
  await expect(merged.locator('.meeting-sentence')).toHaveCount(2)
  await expect(merged.locator('.participant-chip')).toHaveText(['최태원', '샘 올트먼'])
  if (process.env['MEETINGS_SCREENSHOT']) await page.screenshot({ path: process.env['MEETINGS_SCREENSHOT'].replace(/\.png$/, '-merged.png') })

  // File → Export meetings… opens the view; its button downloads meetings.jsonl.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'File', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Export meetings…' }).click()
  await expect(rows).toHaveCount(8)
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export meetings.jsonl' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/-alice-meetings\.jsonl$/)
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
  expect(lines).toHaveLength(8)
  expect(lines.map((l) => l['date'])).toEqual(['2024-01-01', '2024-06-27', '2025-02-04', '2025-02-04', '2025-02-04', '2025-07-14', null, null])
  const event = lines.find((l) => l['name'] === '서울 회동 2025년 2월')!
  expect(event).toMatchObject({ date_text: '이날', precision: 'day', mentions: [{ doc_id: S.d0, span_id: ids[0] }, { doc_id: S.d4, span_id: ids[8] }] })
  expect((event['participants'] as { name: string; entity_id: number }[]).map((p) => p.name)).toEqual(['최태원', '샘 올트먼'])

  // A sentence opens its document at the meeting span.
  await merged.locator('.meeting-sentence').nth(1).click()
  await expect(dialog).toBeHidden()
  await expect(docText(page, S.d4)).toBeVisible()
  await expect(docText(page, S.d4).locator(`mark[data-span-id="${ids[8]}"]`)).toBeVisible()

  // Split the event again: each mention is its own row.
  await page.getByRole('button', { name: 'Meetings', exact: true }).click()
  await expect(rows).toHaveCount(8)
  await expect(dialog.getByRole('button', { name: 'Split event' })).toBeDisabled()
  await merged.getByRole('checkbox').check()
  await dialog.getByRole('button', { name: 'Split event' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Split 2 meeting mentions out of their events')
  await expect(rows).toHaveCount(9)
  await expect(rows.filter({ hasText: '서울 회동 2025년 2월' })).toHaveCount(0)

  // For the report: the obvious events merged, and the timeline as the CLI prints it.
  if (process.env['MEETINGS_TABLE']) {
    const merge = async (name: string, spanIds: number[]) => expect((await server.api('mergeMeetings', { annotator: 'alice', spanIds, name })).body.ok).toBe(true)
    await merge('최태원–올트먼, 올트먼 첫 방한 (2024년 1월)', [ids[1]!, ids[6]!])
    await merge('최태원–올트먼, 서울 (2025년 2월 4일)', [ids[0]!, ids[4]!, ids[8]!])
    const table = execFileSync('node', [join(ROOT, 'bin', 'spanmark.js'), 'meetings', '--project', server.projectFile, '--annotator', 'alice'], { encoding: 'utf8' })
    writeFileSync(process.env['MEETINGS_TABLE'], table)
  }
})
