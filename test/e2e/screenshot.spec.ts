import { join } from 'node:path'
import { expect, openApp, test } from './fixtures'
import { screensDir } from './screens-dir'
import { marks, mouseSelect, openDoc, SEED_IDS, selectText, sidebarCount, spanWithText } from './helpers'

const [A, , , D] = SEED_IDS as unknown as [string, string, string, string, string]

test('README screenshot: two seed articles side by side with labelled spans', async ({ page, server }) => {
  await page.setViewportSize({ width: 1400, height: 850 })
  await openApp(page, server)
  await openDoc(page, A)
  await openDoc(page, D, { beside: true })

  const spans: [string, string, string, number][] = [
    [A, '최태원', '1', 0],
    [A, 'SK그룹', '2', 0],
    [A, '샘 올트먼', '1', 0],
    [A, '오픈AI', '2', 0],
    [A, '4일', '3', 0],
    [A, '회동', '4', 0],
    [D, '회동', '4', 0],
    [D, '경계현', '1', 0],
    [D, '25일', '3', 0],
    [D, '샘 올트먼', '1', 0],
    [D, '오픈AI', '2', 0],
    [D, '26일', '3', 0],
    [D, '삼성전자', '2', 0]
  ]
  for (const [doc, needle, key, nth] of spans) {
    // Half by a Range, half by dragging the mouse, as a person would.
    if (needle.length % 2 === 0) await mouseSelect(page, doc, needle, nth)
    else await selectText(page, doc, needle, nth)
    await page.keyboard.press(key)
    await spanWithText(page, doc, needle)
  }
  await expect(marks(page, A)).toHaveCount(6)
  await expect(marks(page, D)).toHaveCount(7)
  await expect(sidebarCount(page, A)).toHaveText('6')
  await expect(sidebarCount(page, D)).toHaveText('7')

  // A clean frame: nothing selected, no hover, top of both documents, fonts loaded.
  await page.keyboard.press('Escape')
  await page.mouse.move(1399, 849)
  await page.evaluate(async () => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    for (const el of document.querySelectorAll('.doc-scroll')) el.scrollTop = 0
    await document.fonts.ready
  })
  await expect(page.getByTestId('status')).toHaveText(/^Saved at .* — Label “삼성전자” as Organisation$/)

  // docs/screenshot.png under `npm run screens`; a temp folder under `npm test`.
  const png = await page.screenshot({ path: join(screensDir(), 'screenshot.png') })
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
})
