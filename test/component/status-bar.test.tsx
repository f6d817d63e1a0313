import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StatusBar } from '../../src/renderer/components/StatusBar'
import { createAppStore, type AppStore } from '../../src/renderer/state/app-store'
import { StoreProvider } from '../../src/renderer/state/context'
import { say, STATUS_AGE_MS, type Status } from '../../src/renderer/state/status'
import type { SpanmarkApi } from '../../src/shared/api'

// Issue 15: status messages went stale (red errors for minutes). Info and saved messages age out
// after STATUS_AGE_MS; errors stay until the next message or the Dismiss button. Fake clock only.
let store: AppStore
beforeEach(() => {
  vi.useFakeTimers()
  const api = {} as SpanmarkApi // the status bar reads the store only
  store = createAppStore(api)
  render(
    <StoreProvider store={store} api={api}>
      <StatusBar />
    </StoreProvider>
  )
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const line = (): HTMLElement => screen.getByTestId('status')
const set = (status: Status): void => act(() => store.getState().setStatus(status))
const wait = (ms: number): void => act(() => void vi.advanceTimersByTime(ms))

describe('status line', () => {
  it('an info message ages out', () => {
    set({ kind: 'info', message: say('status:trimOn') })
    expect(line().textContent).toMatch(/particle/i)
    wait(STATUS_AGE_MS - 1)
    expect(line().textContent).toMatch(/particle/i)
    wait(1)
    expect(line().textContent).toBe('')
  })

  it('a saved change keeps only its time once it ages', () => {
    set({ kind: 'saved', message: 'Label “최태원” as Person', at: '2026-12-07T10:11:12.000Z' })
    expect(line().textContent).toMatch(/^Saved at .+ — Label “최태원” as Person$/)
    wait(STATUS_AGE_MS)
    expect(line().textContent).toMatch(/^Saved at \d{1,2}:\d{2}:\d{2}\s?[AP]M$/)
  })

  it('an error stays however long, until dismissed', () => {
    set({ kind: 'error', message: say('status:connectionLost') })
    wait(STATUS_AGE_MS * 100)
    expect(line().textContent).not.toBe('')
    expect(screen.getByRole('alert')).toBe(line())
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(line().textContent).toBe('')
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull()
  })

  it('an error gives way to the next message, and a new message starts its own time', () => {
    set({ kind: 'error', message: say('status:connectionLost') })
    wait(STATUS_AGE_MS - 10)
    set({ kind: 'info', message: say('status:reconnected') })
    expect(line().textContent).toMatch(/reconnect/i)
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull()
    wait(STATUS_AGE_MS - 10)
    set({ kind: 'info', message: say('status:trimOff') })
    wait(STATUS_AGE_MS - 10)
    expect(line().textContent).toMatch(/particle/i)
    wait(10)
    expect(line().textContent).toBe('')
  })
})
