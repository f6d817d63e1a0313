import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openApp, test } from './fixtures'
import { dbSpans, docItem, exportJsonl, markById, openDoc, SEED_IDS, selectText, spanWithText } from './helpers'

const [A] = SEED_IDS

test.describe('first start without an annotator', () => {
  test.use({ serverOptions: { annotator: null, emptyProject: false } })

  test('asks for a name, shows it, and uses it for spans, exports and the next start', async ({ page, server, startServer }) => {
    expect(existsSync(join(server.home, 'preferences.json'))).toBe(false)
    await openApp(page, server)
    const dialog = page.getByRole('dialog', { name: 'Who is annotating?' })
    await expect(dialog).toBeVisible()
    await expect(page.getByTestId('annotator-name')).toHaveText('(not set)')
    const input = dialog.getByRole('textbox', { name: 'Annotator name' })
    await expect(input).toBeFocused()

    // It cannot be dismissed without a name, and an empty name is refused.
    await page.keyboard.press('Escape')
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Save name' }).click()
    await expect(dialog.getByRole('alert')).toHaveText('The annotator name is empty: type your name.')
    await expect(dialog).toBeVisible()

    // Typing digits in the name does not trigger label hotkeys.
    const name = 'Kim 민지 2'
    await input.fill('')
    await input.pressSequentially(name)
    await expect(input).toHaveValue(name)
    await dialog.getByRole('button', { name: 'Save name' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('annotator-name')).toHaveText(name)
    await expect(page.getByTestId('status')).toHaveText(`Annotating as ${name}`)
    expect(JSON.parse(readFileSync(join(server.home, 'preferences.json'), 'utf8'))).toEqual({ annotator: name })

    await expect(docItem(page, A)).toBeVisible()
    await openDoc(page, A)
    await selectText(page, A, '최태원')
    await page.keyboard.press('1')
    const span = await spanWithText(page, A, '최태원')
    expect(dbSpans(server.projectFile)).toEqual([expect.objectContaining({ id: span.id, annotator: name, label: 'PERSON' })])

    const { download, content } = await exportJsonl(page)
    expect(download.suggestedFilename()).toBe('default-project-Kim_민지_2.jsonl')
    const first = JSON.parse(content.split('\n')[0] ?? '') as { id: string; annotator: string; spans: { label: string; text: string }[] }
    expect(first.id).toBe(A)
    expect(first.annotator).toBe(name)
    expect(first.spans).toEqual([expect.objectContaining({ label: 'PERSON', text: '최태원' })])

    // A second start (again without --annotator) remembers the name and shows the span.
    await page.goto('about:blank')
    await server.stop()
    const again = await startServer()
    expect(again.url).not.toBe(server.url)
    await openApp(page, again)
    await expect(page.getByTestId('annotator-name')).toHaveText(name)
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(markById(page, A, span.id)).toHaveAttribute('data-label', 'PERSON')
  })
})
