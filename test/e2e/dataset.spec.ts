import { execFileSync, spawn } from 'node:child_process'
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
  // In the dialog's words, not the CLI's flags.
  await expect(result).toContainText('Left out 1 document(s) whose text forbids AI training. To include them, tick “Include documents that forbid AI training”.')
  await expect(result).toContainText(/\d+ of \d+ spans written/)
  await expect(result).not.toContainText('--')
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
    totals: { documents: number; spans: number }
    losses: { inputSpans: number; writtenSpans: number; lostSpans: number }
    labels: { classLabels: string[] }
    splits: Record<string, unknown>
    emptySplits: string[]
  }
  expect(manifest.totals.documents).toBe(4)
  expect(manifest.losses.writtenSpans + manifest.losses.lostSpans).toBe(manifest.losses.inputSpans)
  expect(manifest.labels.classLabels[0]).toBe('O')
  // Seed 3 puts none of the four documents in dev (issue 16, defect 2): said, and no empty file.
  expect(manifest.emptySplits).toContain('dev')
  for (const s of manifest.emptySplits) {
    await expect(result).toContainText(`The “${s}” split is empty: no document fell into it with seed 3`)
    expect(existsSync(join(out, `${s}.jsonl`)), s).toBe(false)
  }
  for (const f of [...Object.keys(manifest.splits).map((s) => `${s}.jsonl`), 'README.md']) expect(existsSync(join(out, f)), f).toBe(true)

  // The same folder again is refused: a dataset never mixes with older files.
  await dialog.getByRole('button', { name: 'Build' }).click()
  await expect(dialog.getByRole('alert')).toContainText('exists and is not empty')
})

/** Issue 15: the default (gold, reviewed only) selects nothing in a new project; the dialog says why before writing anything. */
test('before building an empty dataset the dialog says why and offers the fix in its own words', async ({ home, startServer, page }) => {
  const server = await startServer({ annotator: 'alice' }) // the seeded default project: five documents, none reviewed
  await openApp(page, server)
  await page.getByRole('button', { name: 'File', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Build dataset…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Build dataset' })
  const out = join(home, 'gold-dataset')
  await dialog.getByLabel('Output folder').fill(out)
  await dialog.getByRole('button', { name: 'Build' }).click()
  const why = dialog.getByRole('alert')
  await expect(why).toContainText('Nothing was built: no document would go into this dataset.')
  await expect(why).toContainText('4 document(s) are not marked reviewed, and Documents is set to “Reviewed only”.')
  await expect(why).toContainText('1 document(s) forbid AI training')
  await expect(why).not.toContainText('--')
  expect(existsSync(out)).toBe(false)
  await why.getByRole('button', { name: 'Include documents not reviewed yet' }).click()
  await expect(dialog.getByRole('status')).toContainText('Wrote 4 documents')
  await expect(dialog.getByLabel('Documents', { exact: true })).toHaveValue('any')
  expect(existsSync(join(out, 'manifest.json'))).toBe(true)
})

/** Issue 16, defect 6: `spanmark dataset … | head -2` ended in an EPIPE stack trace. */
test('the CLI exits quietly when its output pipe is closed', async ({ home }) => {
  const project = join(home, 'pipe.sqlite')
  const bin = join(ROOT, 'bin', 'spanmark.js')
  execFileSync(process.execPath, [bin, 'import', '--project', project, '--annotator', 'minji', join(ROOT, 'test', 'fixtures', 'review', 'minji.jsonl')], { cwd: ROOT })
  // The reader goes away before the CLI writes a line (as head does after two), so every write meets a closed pipe.
  const child = spawn(process.execPath, [bin, 'dataset', '--project', project, '--annotator', 'minji', '--format', 'hf', '--out', join(home, 'piped')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.destroy()
  let stderr = ''
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  expect(stderr).not.toContain('EPIPE')
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(existsSync(join(home, 'piped', 'train.jsonl'))).toBe(true)
})
