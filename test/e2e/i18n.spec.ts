import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { openDoc, SEED_IDS } from './helpers'

const [A, B] = SEED_IDS as unknown as [string, string]

/** No element whose text is cut off: its content is wider than its box (with a pixel of slack) while it clips. */
async function clippedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, label, h2, h4, th, .badge, .status-badge, .menu-button, .hint, legend, option')]
      .filter((el) => {
        const style = getComputedStyle(el)
        if (el.offsetParent === null || style.overflow === 'visible' || style.textOverflow === 'ellipsis') return false
        return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim()}`)
  )
}

test.describe('a Korean system locale', () => {
  test.use({ locale: 'ko-KR' })

  test('on first start the app is in Korean', async ({ page, server }) => {
    await openApp(page, server)
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    await expect(page.locator('.sidebar-heading')).toHaveText('문서 (5)')
    await expect(page.getByRole('navigation', { name: '문서' }).getByRole('combobox', { name: '검토 상태로 거르기' })).toHaveValue('all')
    await expect(page.getByTestId('search-input')).toHaveAttribute('placeholder', '문서 검색 (Ctrl+Shift+F)')
    await expect(page.getByRole('button', { name: '파일', exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: '일치도', exact: true })).toBeVisible()
    await expect(page.locator('.status-project')).toContainText('문서 5개')

    await openDoc(page, A)
    await openDoc(page, B, { beside: true })
    const header = page.getByTestId('pane-0').locator('.pane-header')
    await expect(header.getByRole('combobox', { name: '1번 창에 표시할 레이어' })).toHaveValue('alice')
    await expect(header.getByRole('button', { name: '검토', exact: true })).toBeDisabled()
    await expect(header.getByRole('button', { name: `${A} 닫기` })).toBeVisible()
    await expect(page.getByTestId(`doc-item-${A}`).locator('.status-badge')).toHaveText('검토 전')
    expect(await clippedTexts(page)).toEqual([])
    await page.screenshot({ path: '/tmp/i18n-ko.png' })

    await page.getByRole('button', { name: '일치도', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '일치도' })
    await expect(dialog.getByText('주석자를 두 명 이상 고르세요.')).toBeVisible()
    await page.screenshot({ path: '/tmp/i18n-ko-agreement.png' })
    await dialog.getByRole('button', { name: '닫기' }).click()
    await expect(dialog).toBeHidden()
  })

  test('a language chosen before wins over the system locale', async ({ page, server }) => {
    await page.addInitScript(() => localStorage.setItem('spanmark.locale', 'en'))
    await openApp(page, server)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.locator('.sidebar-heading')).toHaveText('Documents (5)')
    await expect(page.getByRole('button', { name: 'File', exact: true })).toBeVisible()
  })
})

test.describe('an English system locale', () => {
  test.use({ locale: 'en-US' })

  test('on first start the app is in English', async ({ page, server }) => {
    await openApp(page, server)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.locator('.sidebar-heading')).toHaveText('Documents (5)')
    await expect(page.getByTestId('search-input')).toHaveAttribute('placeholder', 'Search documents (Ctrl+Shift+F)')
    await expect(page.locator('.status-project')).toContainText('5 documents')
    await openDoc(page, A)
    await expect(page.getByTestId('pane-0').getByRole('button', { name: 'Review', exact: true })).toBeDisabled()
    await page.screenshot({ path: '/tmp/i18n-en.png' })
  })

  test('a stored Korean choice wins over the English system locale', async ({ page, server }) => {
    await page.addInitScript(() => localStorage.setItem('spanmark.locale', 'ko'))
    await openApp(page, server)
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    await expect(page.locator('.sidebar-heading')).toHaveText('문서 (5)')
  })
})
