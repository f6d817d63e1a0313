import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { openDoc, SEED_IDS, selectText, seedText } from './helpers'

const [A, B] = SEED_IDS as unknown as [string, string]

/**
 * Issue 15, "done when": in Korean, no English word appears in any screen, status line or error.
 * The walk sets the UI to Korean, goes through the main screen (two panes, a span selected), every
 * menu's dialog, review, agreement, an import of a bad file, settings, labels, search, entities and
 * meetings, and scans the visible chrome for runs of 3+ Latin letters.
 *
 * Not scanned: project data, which is shown as written in any language: the document text, titles
 * and ids, label keys and names, annotator names (collected from the API and removed before scanning).
 */

/** Tokens that are the same in every language, with why. */
const ALLOWED = new Set([
  'Spanmark', // the product's name
  'JSONL', 'JSON', 'jsonl', 'json', 'txt', 'CSV', 'UTF', // file formats and encodings, as their names are written
  'BIO', 'spaCy', 'doccano', 'Prodigy', 'KLUE', 'CoNLL', // dataset formats and tools, by their names
  'sqlite', 'SQLite', 'MEETING', // a file format; the label key the Meetings view reads by name
  'Ctrl', 'Shift', 'Alt', 'Enter', 'Esc', 'Tab', 'Space', 'Backspace', 'Delete', 'Home', 'End', 'PgUp', 'PgDn', // key caps as printed on keyboards
  'gold', // the reviewed layer's name (a layer name is data)
  'spanmark', 'serve', 'project', 'labels', 'list', 'export', 'annotator', 'format', // CLI commands and flags quoted in help text
  'rrggbb', // the notation of a hex colour
  'English', // a language's name in the language picker is written in that language
  'train', 'dev', 'test', // dataset split names, as the files are named
  'EVENT' // an example label key (keys are upper-case Latin by rule)
])

/** Paths and file names are data: "/home/…/x.sqlite.backups", "bad.jsonl", "datasets/…". */
const PATHS = /(?:[A-Za-z]:)?[\\/][^\s,()“”]*|[^\s,()“”/]+\.(?:jsonl|json|txt|sqlite|csv)\b|[A-Za-z]+\//g

/** Elements whose text is project data, not chrome. */
const DATA_SELECTORS = ['[data-testid^="doc-text-"]', '.doc-title', 'mark[data-span-id]', 'kbd', 'code', 'input', 'textarea', '.bidi']

/** English words in the visible text of the page (outside data elements), with where they are. */
async function englishWords(page: Page, data: readonly string[]): Promise<string[]> {
  const texts = await page.evaluate((skip) => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || el.closest(skip.join(','))) continue
      if (el.closest('[hidden], [aria-hidden="true"]')) continue
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue
      const text = n.textContent?.trim()
      if (text) out.push(text)
    }
    // Person-facing attributes of visible controls too: placeholders and the visible option labels.
    for (const el of document.querySelectorAll<HTMLElement>('[placeholder]')) if (el.getClientRects().length) out.push(el.getAttribute('placeholder') ?? '')
    return out
  }, DATA_SELECTORS)
  const found = new Set<string>()
  for (let text of texts) {
    text = text.replace(PATHS, ' ')
    for (const d of data) if (d.length > 0) text = text.split(d).join(' ')
    for (const word of text.match(/[A-Za-z]{3,}/g) ?? []) if (!ALLOWED.has(word)) found.add(`${word} ← “${text.slice(0, 120)}”`)
  }
  return [...found]
}

interface Walk {
  page: Page
  data: string[]
  findings: Map<string, string[]>
}

async function scan(w: Walk, where: string): Promise<void> {
  const words = await englishWords(w.page, w.data)
  if (words.length > 0) w.findings.set(where, words)
}

async function closeDialog(page: Page): Promise<void> {
  const close = page.locator('.modal-backdrop').getByRole('button', { name: '닫기', exact: true })
  if ((await close.count()) > 0) await close.last().click()
  else await page.keyboard.press('Escape')
  await expect(page.locator('.modal-backdrop')).toHaveCount(0)
}

test.describe('the Korean UI', () => {
  test.use({ locale: 'ko-KR', allowedConsoleErrors: [/status of 4\d\d .*api\/(importFiles|setAnnotator)\)$/] })
  test.setTimeout(180_000)
  // The server creates the project in the language of LANG (the default labels' names): Korean here.
  let lang: string | undefined
  test.beforeAll(() => {
    lang = process.env.LANG
    process.env.LANG = 'ko_KR.UTF-8'
  })
  test.afterAll(() => {
    if (lang === undefined) delete process.env.LANG
    else process.env.LANG = lang
  })

  test('walks the screens and dialogs and finds no English word in the chrome, the status line or the errors', async ({ page, server, home }) => {
    await page.addInitScript(() => localStorage.setItem('spanmark.locale', 'ko'))
    await openApp(page, server)
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')

    // Project data: document ids and titles, label keys and names, annotators.
    const docs = (await server.api('listDocuments', { annotator: 'alice' })).body.result as { id: string; title: string }[]
    const labels = (await server.api('listLabels', {})).body.result as { key: string; name: string }[]
    const project = (await server.api('getProjectInfo', {})).body.result as { name: string }
    const data = ['alice', 'bob', project.name, ...docs.flatMap((d) => [d.id, d.title]), ...labels.flatMap((l) => [l.key, l.name])].sort((a, b) => b.length - a.length)
    const w: Walk = { page, data, findings: new Map() }

    // The main screen, two panes, a span made and selected.
    await openDoc(page, A)
    await openDoc(page, B, { beside: true })
    const text = seedText(A)
    const word = text.match(/[\uac00-\ud7a3]{2,}/)?.[0] ?? ''
    await selectText(page, A, word)
    await page.keyboard.press('1')
    await expect(page.getByTestId('status')).not.toHaveText(/저장 중/)
    await page.getByTestId(`doc-text-${A}`).locator('mark[data-span-id]').first().click()
    await scan(w, 'main screen: two panes, a span selected, the status line')

    // Every item of every menu that opens a dialog.
    for (const menu of ['파일', '편집', '보기', '도움말']) {
      const items = await (async () => {
        await page.getByRole('button', { name: menu, exact: true }).click()
        const names = await page.getByRole('menuitem').allTextContents()
        await page.keyboard.press('Escape')
        return names
      })()
      for (const [i, item] of items.entries()) {
        if (/새 프로젝트|프로젝트 열기|실행 취소|다시 실행|창 닫기/.test(item)) continue // not dialogs (or project switching, refused in web mode)
        await page.getByRole('button', { name: menu, exact: true }).click()
        await page.getByRole('menuitem').nth(i).click()
        // Most items open a dialog; one that does not (a download) is skipped after a short wait.
        const opened = await page.locator('.modal-backdrop').first().waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)
        if (!opened) continue
        await scan(w, `${menu} → ${item.trim()}`)
        await closeDialog(page)
      }
    }

    // Import with a deliberately bad file: the error and its problem list.
    const bad = join(home, 'bad.jsonl')
    writeFileSync(bad, '{"id":"ok","text":"가나다"}\n[1, 2]\n')
    await page.getByRole('button', { name: '파일', exact: true }).click()
    await page.getByRole('menuitem', { name: /가져오기/ }).first().click()
    const importDialog = page.getByRole('dialog')
    await importDialog.locator('input[type="file"]').setInputFiles([bad])
    await importDialog.getByRole('button', { name: '가져오기', exact: true }).click()
    await expect(importDialog.getByRole('alert')).toContainText('아무것도 가져오지 않았습니다')
    await scan(w, 'import: a bad file')
    await closeDialog(page)

    // A refusal of the core in the status line: a name reserved for the reviewed layer (the zod rule's reason key).
    await page.getByRole('button', { name: '주석자 변경', exact: true }).click()
    const who = page.getByRole('dialog', { name: '누가 주석을 다나요?' })
    await who.getByLabel('주석자 이름').fill('gold')
    await who.getByRole('button', { name: '이름 저장', exact: true }).click()
    await expect(page.getByTestId('status')).toContainText('검토를 마친 레이어(gold)용으로 예약되어 있습니다')
    await scan(w, 'status line: a refused annotator name')
    await who.getByRole('button', { name: '취소', exact: true }).click()
    await expect(who).toBeHidden()

    // Review, agreement, search, entities, meetings.
    await page.getByTestId('pane-0').locator('.pane-header').getByRole('button', { name: '검토', exact: true }).click().catch(() => {})
    await scan(w, 'review')
    await page.getByRole('button', { name: '일치도', exact: true }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await scan(w, 'agreement')
    await closeDialog(page)
    // The walk went through View → Hide sidebar too: bring the sidebar back for the search.
    if ((await page.getByTestId('search-input').count()) === 0) await page.keyboard.press('Control+b')
    await page.getByTestId('search-input').fill('없는낱말')
    await page.getByTestId('search-input').press('Enter')
    await scan(w, 'search')

    expect([...w.findings].map(([where, words]) => `${where}: ${words.join(' | ')}`)).toEqual([])
  })
})
