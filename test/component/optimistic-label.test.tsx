import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/App'
import { createAppStore } from '../../src/renderer/state/app-store'
import { StoreProvider } from '../../src/renderer/state/context'
import { createApiClient } from '../../src/shared/api-client'
import { tempCore } from '../unit/helpers/core'
import { stubLayout, unstubLayout } from './layout-stub'

const DOC = '001_2d6efb4355ea70ef'
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

/**
 * The real core behind a transport that holds createSpan until the test lets it through,
 * so the moment between "painted" and "saved" can be looked at.
 */
function renderGated(opts: { failCreate?: boolean } = {}) {
  const held: (() => void)[] = []
  const api = createApiClient(async (method, args) => {
    if (method === 'createSpan') {
      await new Promise<void>((go) => held.push(go))
      if (opts.failCreate) return { ok: false, error: { code: 'storage', message: { key: 'errors:storage.full' }, details: [] } }
    }
    return core.dispatch(method, args)
  })
  const store = createAppStore(api)
  render(
    <StoreProvider store={store} api={api}>
      <App />
    </StoreProvider>
  )
  const release = async (): Promise<void> => {
    await waitFor(() => expect(held.length).toBeGreaterThan(0))
    await act(async () => (held.shift() as () => void)())
  }
  return { store, release }
}

describe('labelling paints before the save returns', () => {
  it('draws a pending mark at once, then swaps in the saved span', async () => {
    await core.dispatch('setAnnotator', { name: 'alice' })
    const { store, release } = renderGated()
    ;(await screen.findByTestId(`doc-item-${DOC}`)).click()
    const text = await screen.findByTestId(`doc-text-${DOC}`)
    let done: Promise<void> = Promise.resolve()
    act(() => {
      done = store.getState().labelRange(DOC, 0, 3, 'PERSON')
    })
    // drawn at the next animation frame, while the save is still held
    await waitFor(() => expect(text.querySelector('mark[data-pending="true"]')).not.toBeNull())
    const pending = text.querySelector('mark[data-pending="true"]')
    expect(pending?.textContent).toBe('최태원')
    expect(Number(pending?.getAttribute('data-span-id'))).toBeLessThan(0)
    expect(screen.getByTestId('status').textContent).toBe('Saving…')
    expect(core.project.spans.layer(DOC, 'alice')).toEqual([])

    await release()
    await act(() => done)
    const saved = core.project.spans.layer(DOC, 'alice')
    expect(saved).toHaveLength(1)
    const marks = text.querySelectorAll('mark')
    expect(marks).toHaveLength(1)
    expect(marks[0]?.getAttribute('data-span-id')).toBe(String(saved[0]?.id))
    expect(marks[0]?.hasAttribute('data-pending')).toBe(false)
    expect(screen.getByTestId('status').textContent).toMatch(/^Saved at /)
    expect(store.getState().selected).toEqual({ docId: DOC, spanId: saved[0]?.id })
  })

  it('takes the mark away again and says why when the save fails', async () => {
    await core.dispatch('setAnnotator', { name: 'alice' })
    const { store, release } = renderGated({ failCreate: true })
    ;(await screen.findByTestId(`doc-item-${DOC}`)).click()
    const text = await screen.findByTestId(`doc-text-${DOC}`)
    let done: Promise<void> = Promise.resolve()
    act(() => {
      done = store.getState().labelRange(DOC, 0, 3, 'PERSON')
    })
    await waitFor(() => expect(text.querySelectorAll('mark[data-pending]')).toHaveLength(1))
    await release()
    await act(() => done)
    expect(text.querySelector('mark')).toBeNull()
    expect(screen.getByTestId('status').textContent).toMatch(/^The disk holding the project file is full/)
    expect(store.getState().docs[`alice\u0000${DOC}`]?.state).toBe('ready')
  })
})
