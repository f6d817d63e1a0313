import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LabelStyles } from '../../src/renderer/components/Block'
import { DocText } from '../../src/renderer/components/DocText'
import { loadDoc } from '../../src/renderer/state/doc-state'
import { DEFAULT_LABELS } from '../../src/shared/labels'
import type { Span } from '../../src/shared/domain'

afterEach(cleanup)

const labels: LabelStyles = { byKey: new Map(DEFAULT_LABELS.map((l) => [l.key, l])) }

function renderDoc(text: string, spans: Omit<Span, 'docId' | 'annotator'>[], onSpanClick = vi.fn()) {
  const doc = { id: 'doc-1', title: 'T', text, meta: {}, length: [...text].length }
  const loaded = loadDoc(
    doc,
    spans.map((s) => ({ ...s, docId: 'doc-1', annotator: 'a' }))
  )
  const view = render(<DocText loaded={loaded} selectedId={null} labels={labels} onSpanClick={onSpanClick} />)
  return { ...view, container: view.getByTestId('doc-text-doc-1'), onSpanClick }
}

describe('DocText', () => {
  it('holds exactly the document text, with spans on the right characters after emoji and astral Hanja', () => {
    const text = '👩‍👩‍👧 𠀀 최태원 SK그룹\r\n회장과\n\n샘 올트먼'
    const cps = [...text]
    const { container } = renderDoc(text, [
      { id: 1, start: 8, end: 11, label: 'PERSON' },
      { id: 2, start: 12, end: 16, label: 'ORGANISATION' },
      { id: 3, start: 12, end: 21, label: 'MEETING' }
    ])
    expect(container.textContent).toBe(text)
    const mark = (id: number) => [...container.querySelectorAll(`[data-span-id="${id}"]`)].map((m) => m.textContent).join('')
    expect(mark(1)).toBe(cps.slice(8, 11).join(''))
    expect(mark(1)).toBe('최태원')
    expect(mark(2)).toBe('SK그룹')
    // The meeting span crosses a line break, so it is drawn in two blocks.
    expect(container.querySelectorAll('[data-span-id="3"]')).toHaveLength(2)
    expect(mark(3)).toBe(cps.slice(12, 21).join(''))
    expect(container.querySelector('[data-span-id="2"]')?.getAttribute('data-label')).toBe('ORGANISATION')
    expect(container.querySelector('[data-span-id="2"]')?.parentElement?.getAttribute('data-span-id')).toBe('3')
  })

  it('renders hostile HTML in the text as text', () => {
    const text = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>&amp;'
    const { container } = renderDoc(text, [{ id: 1, start: 5, end: 15, label: 'DATE' }])
    expect(container.textContent).toBe(text)
    expect(container.querySelector('img, script')).toBeNull()
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('renders an empty document with a note outside the text container', () => {
    const { container, getByText } = renderDoc('', [])
    expect(container.textContent).toBe('')
    expect(getByText('This document is empty.')).toBeTruthy()
  })

  it('reports a click on the innermost span, and on no span', () => {
    const { container, onSpanClick } = renderDoc('abcdefgh', [
      { id: 1, start: 0, end: 8, label: 'MEETING' },
      { id: 2, start: 2, end: 4, label: 'PERSON' }
    ])
    fireEvent.mouseUp(container.querySelector('[data-span-id="2"]') as Element)
    expect(onSpanClick).toHaveBeenLastCalledWith(2)
    fireEvent.mouseUp(container.querySelector('[data-span-id="1"]') as Element)
    expect(onSpanClick).toHaveBeenLastCalledWith(1)
    fireEvent.mouseUp(container)
    expect(onSpanClick).toHaveBeenLastCalledWith(null)
  })

  it('shows label names through attributes only, never as text', () => {
    const { container } = renderDoc('샘 올트먼', [{ id: 7, start: 0, end: 5, label: 'PERSON' }])
    const mark = container.querySelector('mark') as HTMLElement
    expect(mark.dataset['labelName']).toBe('Person')
    expect(mark.title).toBe('Person (PERSON)')
    expect(container.textContent).toBe('샘 올트먼')
  })
})
