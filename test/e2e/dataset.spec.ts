import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openApp, ROOT, test } from './fixtures'

// The last step expects the server to refuse (422) a folder that is not empty.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 422 .*\/api\/buildDataset\)$/] })

/** File → Build dataset…: the dialog runs the same builder as `spanmark dataset` and shows what it wrote and lost. */
test('builds a split Hugging Face dataset from an annotator layer, leaving the restricted seed out', async ({ home, startServer, page }) => {
  const file = join(home, 'default-project.sqlite')
  const server = await startServer({ annotator: 'alice' }) // seeds the default project
  execFileSync(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'import', '--project', file, join(ROOT, 'test', 'fixtures', 'review', 'minji.jsonl')], {
    cwd: ROOT
  })
  await openApp(page, server)
  await page.getByRole('button', { name: 'File', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Build dataset…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Build dataset' })
  await dialog.getByLabel('Layer').selectOption('minji')
  await dialog.getByLabel('Format').selectOption('hf')
  await dialog.getByLabel('Documents', { exact: true }).selectOption('any')
  await dialog.getByLabel('Seed').fill('3')
  const out = join(home, 'hf-dataset')
  await dialog.getByLabel('Output folder').fill(out)
  await dialog.getByRole('button', { name: 'Build' }).click()
  const result = dialog.getByRole('status')
  await expect(result).toContainText(`Wrote 4 documents`)
  await expect(result).toContainText('left out 003_b69184515e3eb931: restricted')
  await expect(result).toContainText(/aligned-expanded: \d+/)
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
    totals: { documents: number; spans: number }
    losses: { inputSpans: number; writtenSpans: number; lostSpans: number }
    labels: { classLabels: string[] }
  }
  expect(manifest.totals.documents).toBe(4)
  expect(manifest.losses.writtenSpans + manifest.losses.lostSpans).toBe(manifest.losses.inputSpans)
  expect(manifest.labels.classLabels[0]).toBe('O')
  for (const f of ['train.jsonl', 'dev.jsonl', 'test.jsonl', 'README.md']) expect(existsSync(join(out, f)), f).toBe(true)

  // The same folder again is refused: a dataset never mixes with older files.
  await dialog.getByRole('button', { name: 'Build' }).click()
  await expect(dialog.getByRole('alert')).toContainText('exists and is not empty')
})
