import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { LabelStyles } from '../../src/renderer/components/Block'
import { DocText } from '../../src/renderer/components/DocText'
import { httpTransport, takeWebToken } from '../../src/renderer/api/transport'
import { loadDoc } from '../../src/renderer/state/doc-state'
import { offsetToPoint, pointToOffset } from '../../src/renderer/text/dom-selection'
import { DEFAULT_LABELS } from '../../src/shared/labels'

afterEach(cleanup)

const labels: LabelStyles = { byKey: new Map(DEFAULT_LABELS.map((l) => [l.key, l])) }

function renderDoc(text: string, spans: { id: number; start: number; end: number; label: string }[] = []) {
  const doc = { id: 'doc-1', title: 'T', text, meta: {}, length: [...text].length }
  const loaded = loadDoc(
    doc,
    spans.map((s) => ({ ...s, docId: 'doc-1', annotator: 'a' }))
  )
  const view = render(<DocText loaded={loaded} selectedId={null} labels={labels} onSpanClick={() => undefined} />)
  return view.getByTestId('doc-text-doc-1')
}

describe('bidi controls in document text', () => {
  const text = '파일: invoice\u202Efdp.exe 끝\n\u2066격리\u2069 \u200F표시 👩‍👩‍👧'

  it('keeps every character in the DOM and wraps each control in a labelled, isolated span', () => {
    const container = renderDoc(text)
    expect(container.textContent).toBe(text)
    const controls = [...container.querySelectorAll('.bidi-control')]
    expect(controls.map((c) => c.getAttribute('data-bidi'))).toEqual(['RLO', 'LRI', 'PDI', 'RLM'])
    expect(controls.map((c) => c.textContent)).toEqual(['\u202E', '\u2066', '\u2069', '\u200F'])
    // The zero-width joiners of the emoji are left alone.
    expect(container.querySelectorAll('.bidi-control').length).toBe(4)
  })

  it('maps offsets right after a U+202E in both directions, inside and outside spans', () => {
    const at = text.indexOf('fdp')
    const container = renderDoc(text, [{ id: 1, start: [...text.slice(0, at - 1)].length, end: [...text.slice(0, at + 3)].length, label: 'DATE' }])
    const mark = container.querySelector('[data-span-id="1"]')
    expect(mark?.textContent).toBe('\u202Efdp')
    expect(mark?.querySelector('.bidi-control')).not.toBeNull()
    for (const pos of [at - 1, at, at + 1, at + 3, text.indexOf('격리'), text.indexOf('표시')]) {
      const point = offsetToPoint(container, pos)
      expect(point, String(pos)).not.toBeNull()
      if (point) expect(pointToOffset(container, point.node, point.offset), String(pos)).toBe(pos)
    }
  })
})

describe('web-mode token in the page URL', () => {
  it('moves the token from the fragment into sessionStorage and out of the address bar, keeping the rest', () => {
    sessionStorage.clear()
    history.replaceState(null, '', '/?x=1#token=tok-123&pane=2')
    expect(takeWebToken()).toBe('tok-123')
    expect(location.hash).toBe('#pane=2')
    expect(location.search).toBe('?x=1')
    expect(location.href).not.toContain('tok-123')
    // A reload (no token in the URL any more) finds it in sessionStorage.
    expect(takeWebToken()).toBe('tok-123')
    sessionStorage.clear()
    history.replaceState(null, '', '/')
    expect(takeWebToken()).toBeNull()
  })

  it('sends the token as a Bearer header with every call', async () => {
    const seen: Headers[] = []
    const realFetch = globalThis.fetch
    globalThis.fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
      seen.push(new Headers(init?.headers))
      return new Response(JSON.stringify({ ok: true, result: null }), { status: 200 })
    }) as typeof fetch
    try {
      await httpTransport('http://127.0.0.1:5000/', 'tok-456')('getSession', {})
      await httpTransport('http://127.0.0.1:5000/', null)('getSession', {})
    } finally {
      globalThis.fetch = realFetch
    }
    expect(seen[0]?.get('authorization')).toBe('Bearer tok-456')
    expect(seen[1]?.get('authorization')).toBeNull()
  })
})
