import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, openApp, ROOT, test } from './fixtures'
import { openDoc, savedStatus, status } from './helpers'

/**
 * Links through review and agreement: two annotators of test/fixtures/review link a meeting of
 * document 000 to participants (one link agreed, one only minji's); the reviewer accepts links into gold.
 */
const FIXTURES = join(ROOT, 'test', 'fixtures', 'review')
const A = '000_2f535eeb48f059c6'
// Accepting a link before its spans are in gold is refused: a 422 the page logs.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 422 .*\/api\/acceptLink\)$/] })

interface Span {
  id: number
  start: number
  end: number
  label: string
}
const key = (s: Span): string => `${s.start}:${s.end}:${s.label}`

test('review lists link candidates, refuses a link before its spans are in gold, accepts agreed links with the agreed spans, undo; agreement counts links', async ({
  home,
  startServer,
  page
}) => {
  const file = join(home, 'links.sqlite')
  execFileSync(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'import', '--project', file, join(FIXTURES, 'minji.jsonl'), join(FIXTURES, 'junho.jsonl')], {
    cwd: ROOT,
    encoding: 'utf8'
  })
  const server = await startServer({ project: file, annotator: 'lead' })
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const { body } = await server.api(method, args)
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
    return body.result as T
  }
  const layers: Record<string, Span[]> = {}
  for (const who of ['minji', 'junho']) layers[who] = await call<Span[]>('listSpans', { docId: A, annotator: who })
  const junhoKeys = new Set((layers['junho'] ?? []).map(key))
  const agreed = (label: string) => (layers['minji'] ?? []).filter((s) => s.label === label && junhoKeys.has(key(s)))
  const [meeting] = agreed('MEETING')
  const [chey, altman] = agreed('PERSON')
  if (!meeting || !chey || !altman) throw new Error('the fixture has agreed MEETING and PERSON spans')
  const idIn = (who: string, s: Span) => (layers[who] ?? []).find((x) => key(x) === key(s))?.id as number
  for (const who of ['minji', 'junho']) {
    await call('createRelation', { annotator: who, docId: A, from: idIn(who, meeting), to: idIn(who, chey), type: 'participant' })
  }
  await call('createRelation', { annotator: 'minji', docId: A, from: idIn('minji', meeting), to: idIn('minji', altman), type: 'participant' })

  await openApp(page, server)
  await openDoc(page, A)
  await page.getByTestId('pane-0').getByRole('button', { name: 'Review', exact: true }).click()
  const review = page.getByTestId(`review-${A}`)
  const links = review.getByRole('region', { name: 'Link candidates' }).locator('li')
  const agreedKey = `${key(meeting)}|participant|${key(chey)}`
  const onlyKey = `${key(meeting)}|participant|${key(altman)}`
  const listed = () => links.evaluateAll((items) => items.map((li) => [li.getAttribute('data-link'), li.getAttribute('data-kind'), li.getAttribute('data-decision')]))
  await expect(links).toHaveCount(2)
  expect(await listed()).toEqual([
    [agreedKey, 'agreed', 'pending'],
    [onlyKey, 'only_some', 'pending']
  ])
  await expect(links.first()).toContainText('junho, minji')

  // Before its spans are in gold, a link is refused with what to do.
  await links.nth(1).getByRole('button', { name: 'Accept link' }).click()
  await expect(status(page)).toHaveText(
    'Cannot accept the link “회동” → “샘 올트먼”: “회동” (Meeting) and “샘 올트먼” (Person) are not in gold yet. Accept the spans first, then the link.'
  )

  // Accept all agreed: the 51 agreed spans, then the agreed link between two of them, in one step.
  await review.getByRole('button', { name: 'Accept all agreed (52)' }).click()
  await expect(status(page)).toHaveText(savedStatus(`Accept 51 agreed span(s) and 1 agreed link(s) in ${A}`))
  await expect(links.first()).toHaveAttribute('data-decision', 'accepted')
  await expect(links.first()).toContainText('✓ accepted')
  await expect(review.getByRole('button', { name: 'Accept all agreed (0)' })).toBeDisabled()
  await links.first().scrollIntoViewIfNeeded()
  await page.screenshot({ path: '/tmp/rev9-review-links.png' })

  // Ctrl+Z takes back the spans and the link together.
  await page.keyboard.press('Control+z')
  await expect(links.first()).toHaveAttribute('data-decision', 'pending')
  expect(await call<unknown[]>('listRelations', { docId: A, annotator: 'gold' })).toEqual([])

  // Agreement over links: minji 2, junho 1, 1 matched → F1 = 2·1 / 3.
  await page.getByRole('button', { name: 'Agreement', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Agreement' })
  const table = dialog.getByRole('table', { name: 'Agreement on links' })
  await expect(table.getByRole('row', { name: /All roles/ })).toContainText('0.667')
  await expect(table.getByRole('row', { name: /participant/ })).toContainText('0.667')
  await table.scrollIntoViewIfNeeded()
  await page.screenshot({ path: '/tmp/rev9-agreement-links.png' })
})
