import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TopBar } from '../../src/renderer/components/TopBar'
import { createAppStore } from '../../src/renderer/state/app-store'
import { COMMANDS } from '../../src/renderer/state/commands'
import { StoreProvider } from '../../src/renderer/state/context'
import { createApiClient } from '../../src/shared/api-client'
import type { SpanmarkApi } from '../../src/shared/api'
import type { MenuCommand } from '../../src/shared/commands'
import { tempCore } from '../unit/helpers/core'

// The in-app menus over the real core: every item runs the command table, the same one the
// desktop app's native menu runs (test/unit/electron-menu.test.ts checks the native side).
let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => {
  cleanup()
  core.cleanup()
})

function renderTopBar(override: Partial<SpanmarkApi> = {}) {
  const api = { ...createApiClient((method, args) => core.dispatch(method, args)), ...override }
  const store = createAppStore(api)
  render(
    <StoreProvider store={store} api={api}>
      <TopBar />
    </StoreProvider>
  )
  return store
}

function choose(menu: string, item: string): void {
  fireEvent.click(screen.getByRole('button', { name: menu }))
  const list = screen.getByRole('menu', { name: menu })
  fireEvent.click(within(list).getByRole('menuitem', { name: new RegExp(`^${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }))
}

describe('TopBar menus', () => {
  it('each item opens what its command opens (File, Edit, View, Help)', async () => {
    const store = renderTopBar()
    await waitFor(() => expect(screen.getByRole('button', { name: 'File' })).toBeTruthy())
    const cases: [string, string, string][] = [
      ['File', 'Import…', 'import'],
      ['File', 'Export…', 'export'],
      ['File', 'Merge project…', 'merge'],
      ['File', 'Export meetings…', 'meetings'],
      ['File', 'Build dataset…', 'dataset'],
      ['File', 'Restore from backup…', 'restore'],
      ['Edit', 'Labels…', 'labels'],
      ['Edit', 'Settings…', 'settings'],
      ['View', 'Agreement', 'agreement'],
      ['View', 'Meetings', 'meetings'],
      ['Help', 'Keyboard shortcuts', 'shortcuts']
    ]
    for (const [menu, item, dialog] of cases) {
      store.getState().setDialog(null)
      choose(menu, item)
      await waitFor(() => expect(store.getState().dialog).toBe(dialog))
      // the native menu's command for the same label does the same
      store.getState().setDialog(null)
      await COMMANDS[dialog as MenuCommand]({ store, api: {} as SpanmarkApi, reload: () => {}, typing: () => false, editText: () => {} })
      expect(store.getState().dialog).toBe(dialog)
    }
  })

  it('web mode (the core cannot switch projects) has no project items; Import… comes first', async () => {
    renderTopBar()
    await new Promise((r) => setTimeout(r, 0))
    fireEvent.click(screen.getByRole('button', { name: 'File' }))
    const items = within(screen.getByRole('menu', { name: 'File' })).getAllByRole('menuitem')
    expect(items.map((i) => i.textContent)).toEqual(['Import…', 'Export…', 'Merge project…', 'Export meetings…', 'Build dataset…', 'Restore from backup…'])
  })

  it('in the desktop app, New / Open project and Recent projects ask the core to switch', async () => {
    const switchProject = vi.fn((_args: unknown) => Promise.resolve({ switched: false, path: '/p/current.sqlite' }))
    renderTopBar({
      getProjectInfo: () => Promise.resolve({ path: '/p/current.sqlite', name: 'current', recent: ['/p/current.sqlite', '/p/회의록.sqlite'], canSwitch: true }),
      switchProject: switchProject as unknown as SpanmarkApi['switchProject']
    })
    fireEvent.click(screen.getByRole('button', { name: 'File' }))
    await screen.findByRole('menuitem', { name: /^New project…/ })
    fireEvent.click(screen.getByRole('button', { name: 'File' }))
    choose('File', 'Open project…')
    choose('File', 'New project…')
    choose('File', '회의록.sqlite')
    await waitFor(() => expect(switchProject).toHaveBeenCalledTimes(3))
    expect(switchProject.mock.calls.map(([a]) => a)).toEqual([{ how: 'open' }, { how: 'new' }, { how: 'recent', path: '/p/회의록.sqlite' }])
  })

  it('a refused switch shows the core’s message in the status line', async () => {
    const store = renderTopBar({
      getProjectInfo: () => Promise.resolve({ path: '/p/a.sqlite', name: 'a', recent: [], canSwitch: true }),
      switchProject: () => Promise.reject(new Error('notes.sqlite cannot be opened as a Spanmark project: it is not an SQLite database.'))
    })
    fireEvent.click(screen.getByRole('button', { name: 'File' }))
    await screen.findByRole('menuitem', { name: /^Open project…/ })
    fireEvent.click(screen.getByRole('button', { name: 'File' }))
    choose('File', 'Open project…')
    await waitFor(() => expect(store.getState().status).toMatchObject({ kind: 'error', message: expect.stringContaining('not an SQLite database') }))
  })
})
