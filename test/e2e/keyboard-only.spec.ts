import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { codePointRange, dbSpans, docItem, docText, marks, renderedSpans, savedStatus, SEED_IDS, seedText, status } from './helpers'

const [A, B] = SEED_IDS as unknown as [string, string]

/** Presses Tab (or Shift+Tab) until the focused element matches selector; fails after 80 presses. */
async function tabTo(page: Page, selector: string, back = false): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`)
}

const focused = (page: Page) => page.locator('*:focus')

// No clicks anywhere in this file: page.keyboard only.
// One long walk through the whole app by keyboard (every menu dialog): more than the default 30 s on a busy machine.
test.setTimeout(90_000)

test('keyboard alone: open documents, select text, label, relabel, move between spans, delete, undo, cheat sheet, menus', async ({ page, server }) => {
  await openApp(page, server)

  // The first Tab stop is the skip link.
  await page.keyboard.press('Tab')
  await expect(focused(page)).toHaveClass(/skip-link/)

  // Into the document list: Enter opens the focused document, Ctrl+Enter opens one beside it.
  await tabTo(page, `[data-testid="doc-item-${B}"]`)
  await page.keyboard.press('Enter')
  await expect(docText(page, B)).toBeVisible()
  await page.keyboard.press('Shift+Tab')
  await expect(docItem(page, A)).toBeFocused()
  await page.keyboard.press('Control+Enter')
  await expect(docText(page, A)).toBeVisible()
  await expect(docText(page, B)).toBeVisible()
  await expect(page.getByTestId('pane-1')).toHaveClass(/active/)

  // The skip link takes focus to the active pane's text.
  await tabTo(page, '.skip-link', true)
  await page.keyboard.press('Enter')
  await expect(docText(page, A)).toBeFocused()

  // A caret and a selection made with the arrow keys: "메뉴 건너뛰기\n\n" is 9 characters, then 최태원.
  expect(seedText(A).slice(9, 12)).toBe('최태원')
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight')
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight')
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('최태원')
  await page.keyboard.press('1')
  await expect(status(page)).toHaveText(savedStatus('Label “최태원” as Person'))
  await expect(marks(page, A)).toHaveCount(1)
  const range = codePointRange(seedText(A), '최태원')
  expect(dbSpans(server.projectFile, A)).toMatchObject([{ ...range, label: 'PERSON' }])

  // The new span is selected: 2 relabels it.
  await page.keyboard.press('2')
  await expect.poll(() => dbSpans(server.projectFile, A).map((s) => s.label)).toEqual(['ORGANISATION'])

  // Label a second name (the caret goes on from where it was), then move between the spans with ] and [.
  await page.keyboard.press('Escape')
  await page.keyboard.press('ArrowRight')
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight')
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('SK그')
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('2')
  await expect(marks(page, A)).toHaveCount(2)
  await page.keyboard.press('Escape')
  await expect(page.locator('mark.span.selected')).toHaveCount(0)
  await page.keyboard.press(']')
  const [first, second] = await renderedSpans(page, A)
  expect([first?.text, second?.text]).toEqual(['최태원', 'SK그룹'])
  await expect(docText(page, A).locator(`mark[data-span-id="${first?.id}"]`)).toHaveClass(/selected/)
  await expect(status(page)).toContainText('(1 of 2)')
  await page.keyboard.press(']')
  await expect(docText(page, A).locator(`mark[data-span-id="${second?.id}"]`)).toHaveClass(/selected/)
  await page.keyboard.press('[')
  await expect(docText(page, A).locator(`mark[data-span-id="${first?.id}"]`)).toHaveClass(/selected/)
  await expect(docText(page, A)).toBeFocused()

  // Relabel the span selected from the keyboard, delete it, undo the delete.
  await page.keyboard.press('1')
  // No wait between the keys: the store queues the Delete behind the relabel.
  await page.keyboard.press('Delete')
  await expect(marks(page, A)).toHaveCount(1)
  await expect.poll(() => dbSpans(server.projectFile, A).map((s) => s.id)).toEqual([second?.id])
  await page.keyboard.press('Control+z')
  await expect(marks(page, A)).toHaveCount(2)
  await expect.poll(() => dbSpans(server.projectFile, A).find((s) => s.id === first?.id)?.label).toBe('PERSON')

  // The cheat sheet: ? opens it, it filters, Escape closes it and focus comes back to the text.
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expect(sheet.getByRole('searchbox')).toBeFocused()
  await expect(sheet.locator('tr[data-shortcut="label-PERSON"]')).toContainText('Label as Person')
  await page.keyboard.type('undo')
  await expect(sheet.locator('tr[data-shortcut]')).toHaveCount(1)
  await expect(sheet.locator('tr[data-shortcut="undo"]')).toContainText('Ctrl+Z')
  await page.keyboard.press('Escape')
  await expect(sheet).toHaveCount(0)
  await expect(docText(page, A)).toBeFocused()

  // Every dialog opens from the menus with the keyboard and closes with Escape, focus back on its menu button.
  const dialogs: [menu: string, item: string][] = [
    ['file', 'Import…'],
    ['file', 'Export…'],
    ['file', 'Merge project…'],
    ['file', 'Export meetings…'],
    ['file', 'Build dataset…'],
    ['file', 'Restore from backup…'],
    ['edit', 'Labels…'],
    ['edit', 'Settings…'],
    ['view', 'Agreement'],
    ['view', 'Meetings'],
    ['help', 'Keyboard shortcuts']
  ]
  for (const [menu, item] of dialogs) {
    const button = `.top-bar [data-menu="${menu}"] > .menu-button`
    await tabTo(page, button, true)
    await page.keyboard.press('Enter')
    const items = page.locator(`.top-bar [data-menu="${menu}"] [role="menuitem"]`)
    await expect(items.first()).toBeFocused()
    const names = await items.allTextContents()
    const n = names.findIndex((name) => name.startsWith(item))
    expect(n, `${item} in ${names.join(', ')}`).toBeGreaterThanOrEqual(0)
    for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown')
    await expect(items.nth(n)).toBeFocused()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await expect(dialog, item).toBeVisible()
    await expect(dialog.locator('*:focus'), `focus inside ${item}`).toHaveCount(1)
    await page.keyboard.press('Escape')
    await expect(dialog, item).toHaveCount(0)
    await expect(page.locator(button), `focus back after ${item}`).toBeFocused()
  }
})
