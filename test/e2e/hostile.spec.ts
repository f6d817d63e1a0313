import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openApp, ROOT, test } from './fixtures'
import { codePointRange, dbSpans, docItem, docText, exportJsonl, openDoc, parseJsonl, selectText, spanWithText, status } from './helpers'

// Document text is data: markup, script-like strings and direction controls in a
// document are shown as the characters they are and never run or reorder anything.

const HTML_DOC = 'hostile-html'
const BIDI_DOC = 'hostile-bidi'

const SCRIPT = '<script>window.__pwned=1</script>'
const HTML_TEXT = [
  `머리말 ${SCRIPT} 끝`,
  '<img src=x onerror="window.__pwned=2;alert(2)">',
  '<a href="javascript:window.__pwned=3">click</a> javascript:alert(3)',
  '<iframe srcdoc="<script>parent.__pwned=4;parent.alert(4)</script>"></iframe>',
  "{{constructor.constructor('window.__pwned=5;alert(5)')()}} ${alert(5)}",
  '</textarea><svg onload="window.__pwned=6;alert(6)"><style>*{display:none}</style>',
  '&lt;b&gt;entity&lt;/b&gt; &#60;i&#62; <!-- comment --> ]]> <plaintext>',
  ''
].join('\n')

const RLO = '\u202E'
const BIDI_TEXT = [
  `첨부 파일 invoice${RLO}fdp.exe 를 열지 마세요`,
  'isolates: \u2066LRI\u2069 \u2067RLI\u2069 \u2068FSI\u2069 mark:\u200Fend',
  '가족 👩\u200D👩\u200D👧 사진',
  ''
].join('\n')

test.use({ serverOptions: { annotator: 'alice', emptyProject: true } })

/** Imports both hostile documents into the server's (new) project with the CLI, before the server opens it. */
test.beforeEach(({ home }) => {
  const file = join(home, 'hostile.jsonl')
  writeFileSync(file, [{ id: HTML_DOC, text: HTML_TEXT }, { id: BIDI_DOC, text: BIDI_TEXT }].map((d) => JSON.stringify(d)).join('\n') + '\n')
  execFileSync(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'import', '--project', join(home, 'p.sqlite'), file], {
    cwd: ROOT,
    env: { ...process.env, SPANMARK_HOME: home },
    encoding: 'utf8'
  })
})

/** Records dialogs (alert/confirm) the page opens, and dismisses them. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = []
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  return seen
}

/** The tag names of every element inside a document's text container. */
async function elementsInside(page: Page, docId: string): Promise<string[]> {
  return docText(page, docId).evaluate((c) => [...new Set([...c.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))].sort())
}

test('HTML, script and template strings in a document show as text, nothing runs, and a span over them round-trips', async ({ page, server }) => {
  const dialogs = watchDialogs(page)
  await openApp(page, server)
  await openDoc(page, HTML_DOC)
  const container = docText(page, HTML_DOC)

  expect(await container.evaluate((c) => c.textContent)).toBe(HTML_TEXT)
  await expect(container).toContainText(SCRIPT)
  await expect(container).toContainText('<img src=x onerror="window.__pwned=2;alert(2)">')
  expect(await elementsInside(page, HTML_DOC)).toEqual(['div'])
  // Nowhere on the page: not in the text, not in the sidebar's title.
  expect(await page.locator('img, iframe, svg, script:not([src]), a[href^="javascript"], textarea, plaintext').count()).toBe(0)

  // Clicking the would-be link and moving over the would-be image does nothing.
  await container.getByText('click</a>', { exact: false }).click()
  await container.getByText('<img src=x', { exact: false }).hover()

  await selectText(page, HTML_DOC, SCRIPT)
  await page.keyboard.press('1')
  const span = await spanWithText(page, HTML_DOC, SCRIPT)
  expect(span.label).toBe('PERSON')
  expect(await elementsInside(page, HTML_DOC)).toEqual(['div', 'mark'])
  expect(await container.evaluate((c) => c.textContent)).toBe(HTML_TEXT)
  expect(dbSpans(server.projectFile, HTML_DOC)).toEqual([expect.objectContaining({ ...codePointRange(HTML_TEXT, SCRIPT), label: 'PERSON' })])

  const { content } = await exportJsonl(page)
  const line = parseJsonl(content).find((l) => l.id === HTML_DOC)
  expect(line?.text).toBe(HTML_TEXT)
  expect(line?.spans).toEqual([{ ...codePointRange(HTML_TEXT, SCRIPT), label: 'PERSON', text: SCRIPT }])

  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
  await expect(page).toHaveURL(server.base)
})

test('bidi controls are shown as visible markers, cannot reorder the text, and labelling right after U+202E keeps its offsets', async ({
  page,
  server
}) => {
  const dialogs = watchDialogs(page)
  await openApp(page, server)
  await openDoc(page, BIDI_DOC)
  const container = docText(page, BIDI_DOC)

  expect(await container.evaluate((c) => c.textContent)).toBe(BIDI_TEXT)
  const controls = container.locator('.bidi-control')
  await expect(controls).toHaveCount(8)
  expect(await controls.evaluateAll((els) => els.map((e) => e.getAttribute('data-bidi')))).toEqual(['RLO', 'LRI', 'PDI', 'RLI', 'PDI', 'FSI', 'PDI', 'RLM'])
  // Each marker is drawn (CSS ::before) and takes room on screen; the character itself stays in the DOM.
  const drawn = await controls.evaluateAll((els) =>
    els.map((e) => ({ content: getComputedStyle(e, '::before').content, width: e.getBoundingClientRect().width, bidi: getComputedStyle(e).unicodeBidi }))
  )
  for (const d of drawn) {
    expect(d.content).toMatch(/^"⟨(RLO|LRI|PDI|RLI|FSI|RLM)⟩"$/)
    expect(d.width).toBeGreaterThan(8)
    expect(d.bidi).toBe('isolate')
  }
  expect(await container.locator('.block').first().evaluate((b) => getComputedStyle(b).unicodeBidi)).toBe('isolate')

  // U+202E cannot turn "fdp.exe" into a displayed "exe.pdf": the characters after it stay left to right.
  const order = await container.evaluate((c, rlo) => {
    const text = c.textContent ?? ''
    const at = text.indexOf(`${rlo}fdp.exe`) + 1
    const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT)
    let seen = 0
    const xs: number[] = []
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      for (let i = 0; i < n.data.length; i++) {
        const pos = seen + i
        if (pos >= at && pos < at + 7) {
          const r = document.createRange()
          r.setStart(n, i)
          r.setEnd(n, i + 1)
          xs.push(r.getBoundingClientRect().left)
        }
      }
      seen += n.data.length
    }
    return xs
  }, RLO)
  expect(order).toHaveLength(7)
  expect([...order].sort((a, b) => a - b)).toEqual(order)
  // The emoji keeps its zero-width joiners (one glyph, no markers).
  await expect(container).toContainText('👩\u200D👩\u200D👧')

  // Label "fdp" right after the U+202E, then a span that holds the U+202E itself.
  await selectText(page, BIDI_DOC, 'fdp')
  await page.keyboard.press('2')
  await spanWithText(page, BIDI_DOC, 'fdp')
  await selectText(page, BIDI_DOC, `invoice${RLO}fdp.exe`)
  await page.keyboard.press('1')
  await spanWithText(page, BIDI_DOC, `invoice${RLO}fdp.exe`)
  expect(await container.evaluate((c) => c.textContent)).toBe(BIDI_TEXT)
  await expect(controls).toHaveCount(8)
  expect(dbSpans(server.projectFile, BIDI_DOC).map((s) => [s.start, s.end, s.label])).toEqual([
    [codePointRange(BIDI_TEXT, `invoice${RLO}fdp.exe`).start, codePointRange(BIDI_TEXT, `invoice${RLO}fdp.exe`).end, 'PERSON'],
    [codePointRange(BIDI_TEXT, 'fdp').start, codePointRange(BIDI_TEXT, 'fdp').end, 'ORGANISATION']
  ])

  const { content } = await exportJsonl(page)
  const line = parseJsonl(content).find((l) => l.id === BIDI_DOC)
  expect(line?.text).toBe(BIDI_TEXT)
  expect(line?.spans.map((s) => s.text).sort()).toEqual(['fdp', `invoice${RLO}fdp.exe`])
  for (const s of line?.spans ?? []) expect([...BIDI_TEXT].slice(s.start, s.end).join('')).toBe(s.text)

  // Where document text is quoted outside the text view (titles, status line) its controls are shown by name.
  await expect(docItem(page, BIDI_DOC).locator('.doc-title')).toHaveText(`첨부 파일 invoice⟨RLO⟩fdp.exe 를 열지 마세요`)
  await expect(page.locator('.pane-title')).toHaveText(`첨부 파일 invoice⟨RLO⟩fdp.exe 를 열지 마세요`)
  await expect(status(page)).not.toContainText(RLO)

  await container.locator('.block').first().screenshot({ path: test.info().outputPath('bidi-block.png') })
  await page.screenshot({ path: test.info().outputPath('bidi-page.png') })
  expect(dialogs).toEqual([])
})
