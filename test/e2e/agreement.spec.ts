import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, openApp, ROOT, test } from './fixtures'

/** The Agreement screen over the two test annotators of test/fixtures/review (271 and 267 spans, 241 exact matches). */
const FIXTURES = join(ROOT, 'test', 'fixtures', 'review')

test('the Agreement screen shows the same numbers as the CLI, per pair, label and document, and opens the worst document in review', async ({
  home,
  startServer,
  page
}) => {
  const file = join(home, 'agreement.sqlite')
  const cli = (args: string[]): string => execFileSync(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), ...args], { cwd: ROOT, encoding: 'utf8' })
  cli(['import', '--project', file, join(FIXTURES, 'minji.jsonl'), join(FIXTURES, 'junho.jsonl')])
  const report = JSON.parse(cli(['agreement', '--project', file, '--annotators', 'junho,minji', '--json'])) as {
    overall: Record<'exact_f1' | 'overlap_f1' | 'kappa' | 'alpha_u', number>
  }
  expect(report.overall.exact_f1).toBeCloseTo((2 * 241) / (271 + 267), 10)

  const server = await startServer({ project: file, annotator: 'lead' })
  await openApp(page, server)
  await page.getByRole('button', { name: 'Agreement', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Agreement' })
  const overall = dialog.getByTestId('agreement-overall')
  await expect(overall).toContainText(`Exact F1${report.overall.exact_f1.toFixed(3)}`)
  await expect(overall).toContainText(`Overlap F1${report.overall.overlap_f1.toFixed(3)}`)
  await expect(overall).toContainText(report.overall.kappa.toFixed(3))
  await expect(overall).toContainText(report.overall.alpha_u.toFixed(3))
  await expect(dialog.getByRole('table', { name: 'Agreement by annotator pair' }).getByRole('row', { name: /junho \/ minji/ })).toContainText('241')

  // Heatmap: the one 오픈AI label swap and the diagonal. Its axes say whose labels are rows and whose are
  // columns (issue 15): junho's PERSON against minji's ORGANISATION, not the other way round.
  const heat = dialog.getByRole('table', { name: 'Label confusion matrix' })
  await expect(heat.getByRole('columnheader', { name: 'junho ↓' })).toBeVisible()
  await expect(heat.getByRole('columnheader', { name: 'minji →' })).toBeVisible()
  await expect(heat.locator('caption')).toHaveText(/^Rows: junho’s label\. Columns: minji’s label\./)
  await expect(heat.locator('td[data-row="PERSON"][data-col="ORGANISATION"]')).toHaveText('1')
  await expect(heat.locator('td[data-row="ORGANISATION"][data-col="PERSON"]')).toHaveText('0')
  await expect(heat.locator('td[data-row="PERSON"][data-col="PERSON"]')).toHaveText('88')
  const chart = dialog.getByRole('figure', { name: 'Agreement per label' })
  await expect(chart.locator('.recharts-bar-rectangle')).toHaveCount(12) // 4 labels × exact F1, overlap F1, κ
  await expect(chart).toContainText('Meeting')

  // Documents worst first: 002 heads the list, 001 (complete agreement) is last with 1.000.
  const rows = dialog.getByRole('table', { name: 'Agreement by document, worst first' }).locator('tbody tr')
  await expect(rows).toHaveCount(5)
  await expect(rows.first()).toHaveAttribute('data-doc', '002_350a00930be01512')
  await expect(rows.last()).toContainText('001_2d6efb4355ea70ef1.0001.0001.0001.000')

  // One document alone, then back to all.
  await dialog.getByLabel('Documents measured').selectOption('001_2d6efb4355ea70ef')
  await expect(overall).toContainText('Exact F11.000')
  await dialog.getByLabel('Documents measured').selectOption('')
  await expect(overall).toContainText(`Exact F1${report.overall.exact_f1.toFixed(3)}`)

  // Fewer than two annotators: nothing to measure.
  await dialog.getByRole('checkbox', { name: 'minji' }).uncheck()
  await expect(dialog.getByText('Pick two or more annotators.')).toBeVisible()
  await dialog.getByRole('checkbox', { name: 'minji' }).check()

  await rows.first().getByRole('button', { name: 'Review 002_350a00930be01512' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByTestId('review-002_350a00930be01512')).toBeVisible()
  await expect(page.getByTestId('review-summary')).toContainText('62 agreed')
})
