import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/App'
import { createAppStore } from '../../src/renderer/state/app-store'
import { StoreProvider } from '../../src/renderer/state/context'
import { slotKey } from '../../src/renderer/state/slots'
import { createApiClient } from '../../src/shared/api-client'
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

function renderApp() {
  // The real core behind the real client: only the transport (IPC or HTTP) is left out.
  const api = createApiClient((method, args) => core.dispatch(method, args))
  const store = createAppStore(api)
  render(
    <StoreProvider store={store} api={api}>
      <App />
    </StoreProvider>
  )
  return store
}

const seed = (id: string) => readFileSync(join(__dirname, '..', '..', 'seeds', `${id}.txt`), 'utf8')

describe('App over the real core', () => {
  it('asks for the annotator name first and remembers it', async () => {
    renderApp()
    const input = await screen.findByLabelText('Annotator name')
    fireEvent.change(input, { target: { value: 'alice' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }))
    await waitFor(() => expect(screen.getByTestId('annotator-name').textContent).toBe('alice'))
    expect(core.prefs.read()).toEqual({ annotator: 'alice' })
  })

  it('lists the seeds, opens one, Ctrl+click opens a second beside it, and closing a pane works', async () => {
    await core.dispatch('setAnnotator', { name: 'alice' })
    const store = renderApp()
    const first = await screen.findByTestId('doc-item-000_2f535eeb48f059c6')
    fireEvent.click(first)
    const text0 = await screen.findByTestId('doc-text-000_2f535eeb48f059c6')
    expect(text0.textContent).toBe(seed('000_2f535eeb48f059c6'))
    fireEvent.click(screen.getByTestId('doc-item-003_b69184515e3eb931'), { ctrlKey: true })
    const text3 = await screen.findByTestId('doc-text-003_b69184515e3eb931')
    expect(text3.textContent).toBe(seed('003_b69184515e3eb931'))
    expect(screen.getAllByRole('region').length).toBe(2)
    fireEvent.click(screen.getByRole('button', { name: 'Close 000_2f535eeb48f059c6' }))
    await waitFor(() => expect(screen.queryByTestId('doc-text-000_2f535eeb48f059c6')).toBeNull())
    // A closed document is dropped from memory and fetched afresh when opened again.
    expect(Object.keys(store.getState().docs)).toEqual([slotKey('003_b69184515e3eb931', 'alice')])
  })

  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z, updating the text and the count', async () => {
    await core.dispatch('setAnnotator', { name: 'alice' })
    const store = renderApp()
    fireEvent.click(await screen.findByTestId('doc-item-001_2d6efb4355ea70ef'))
    const text = await screen.findByTestId('doc-text-001_2d6efb4355ea70ef')
    await act(() => store.getState().labelRange('001_2d6efb4355ea70ef', 0, 3, 'PERSON'))
    expect(text.querySelector('[data-label="PERSON"]')?.textContent).toBe('최태원')
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true })
    await waitFor(() => expect(text.querySelector('mark')).toBeNull())
    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true })
    await waitFor(() => expect(text.querySelector('[data-label="PERSON"]')).not.toBeNull())
    // the span made is selected: a hotkey relabels it, Delete removes it
    fireEvent.keyDown(window, { key: '2' })
    await waitFor(() => expect(text.querySelector('mark')?.getAttribute('data-label')).toBe('ORGANISATION'))
    fireEvent.keyDown(window, { key: 'Delete' })
    await waitFor(() => expect(text.querySelector('mark')).toBeNull())
    expect(core.project.spans.layer('001_2d6efb4355ea70ef', 'alice')).toEqual([])
  })
})
