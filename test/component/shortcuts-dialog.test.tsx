import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/App'
import { createAppStore } from '../../src/renderer/state/app-store'
import { StoreProvider } from '../../src/renderer/state/context'
import { createApiClient } from '../../src/shared/api-client'
import { resources } from '../../src/shared/i18n'
import { SHORTCUTS, type Shortcut } from '../../src/shared/shortcut-table'
import { tempCore } from '../unit/helpers/core'
import { stubLayout, unstubLayout } from './layout-stub'

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore()
  stubLayout()
})
afterEach(() => {
  unstubLayout()
  cleanup()
  core.cleanup()
})

async function renderApp() {
  await core.dispatch('setAnnotator', { name: 'alice' })
  const api = createApiClient((method, args) => core.dispatch(method, args))
  const store = createAppStore(api)
  render(
    <StoreProvider store={store} api={api}>
      <App />
    </StoreProvider>
  )
  await screen.findByTestId('doc-item-000_2f535eeb48f059c6')
  return store
}

const en = resources.en.shortcuts

describe('the cheat sheet', () => {
  it('opens with ?, lists every shortcut of the table by scope and the project’s label keys, filters, and closes with Escape', async () => {
    const store = await renderApp()
    fireEvent.keyDown(document.body, { key: '?', code: 'Slash', shiftKey: true })
    const dialog = await screen.findByRole('dialog', { name: en.title })
    expect(store.getState().dialog).toBe('shortcuts')

    for (const s of SHORTCUTS as readonly Shortcut[]) {
      if (s.dynamic) continue
      const row = dialog.querySelector(`tr[data-shortcut="${s.id}"]`)
      expect(row?.textContent, s.id).toContain(en.does[s.does as keyof typeof en.does])
      expect(row?.closest('table')?.getAttribute('data-scope')).toBe(s.scope)
    }
    // The label keys are the project's: one row per label, with its hotkey.
    for (const label of store.getState().labels) {
      const row = dialog.querySelector(`tr[data-shortcut="label-${label.key}"]`)
      expect(row?.textContent).toBe(`${label.hotkey.toUpperCase()}Label as ${label.name}`)
    }
    expect(within(dialog).getByRole('table', { name: en.scopes.review })).toBeTruthy()
    expect(dialog.querySelector('tr[data-shortcut="redo"]')?.textContent).toContain('Ctrl+Shift+Z / Ctrl+Y')

    const filter = within(dialog).getByRole('searchbox', { name: en.filter })
    expect(document.activeElement).toBe(filter)
    fireEvent.change(filter, { target: { value: 'redo' } })
    expect([...dialog.querySelectorAll('tr[data-shortcut]')].map((r) => r.getAttribute('data-shortcut'))).toEqual(['redo'])
    fireEvent.change(filter, { target: { value: 'nothing like this' } })
    expect(within(dialog).getByRole('status').textContent).toBe('No shortcut matches “nothing like this”.')

    fireEvent.keyDown(filter, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(store.getState().dialog).toBeNull()
  })

  it('does not open while typing: ? in the search box is text', async () => {
    const store = await renderApp()
    const input = screen.getByTestId('search-input')
    fireEvent.keyDown(input, { key: '?', shiftKey: true })
    expect(store.getState().dialog).toBeNull()
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
