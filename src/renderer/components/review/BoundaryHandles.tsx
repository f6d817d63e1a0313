import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react'
import type { SpanState } from '../../../shared/domain'
import type { OffsetMap } from '../../../shared/offsets'
import { offsetToPoint, pointToOffset } from '../../text/dom-selection'
import { useT } from '../../use-t'

type Edge = 'start' | 'end'

interface BoundaryHandlesProps {
  /** The span whose edges are shown (code points). */
  span: SpanState
  /** The rendered text (the element holding the [data-offset] blocks) and the box the handles are placed in. */
  textRef: RefObject<HTMLElement | null>
  boxRef: RefObject<HTMLElement | null>
  map: OffsetMap
  /** Redraw when this changes (the marks were laid out again). */
  layoutKey: string
  textOf(s: SpanState): string
  onChange(span: SpanState): void
}

interface Place {
  left: number
  top: number
  height: number
}

/** Where an offset (UTF-16) lies in the box: the left edge of the caret there, as the text is laid out now. */
function placeOf(text: HTMLElement, box: HTMLElement, u16: number, edge: Edge): Place | null {
  const point = offsetToPoint(text, u16)
  if (!point) return null
  const range = document.createRange()
  range.setStart(point.node, point.offset)
  range.setEnd(point.node, point.offset)
  // A collapsed range at a line break has two positions; take the character's own box where there is one.
  let rect: DOMRect | undefined = range.getClientRects()[0]
  if (point.node.nodeType === Node.TEXT_NODE) {
    const len = (point.node as Text).data.length
    const ch = document.createRange()
    if (edge === 'start' && point.offset < len) {
      ch.setStart(point.node, point.offset)
      ch.setEnd(point.node, point.offset + 1)
      const r = ch.getClientRects()[0]
      if (r) rect = new DOMRect(r.left, r.top, 0, r.height)
    } else if (edge === 'end' && point.offset > 0) {
      ch.setStart(point.node, point.offset - 1)
      ch.setEnd(point.node, point.offset)
      const rects = ch.getClientRects()
      const r = rects[rects.length - 1]
      if (r) rect = new DOMRect(r.right, r.top, 0, r.height)
    }
  }
  if (!rect) return null
  const b = box.getBoundingClientRect()
  return { left: rect.left - b.left + box.scrollLeft, top: rect.top - b.top + box.scrollTop, height: rect.height }
}

/** The text offset (UTF-16) under a point of the viewport, or null when the point is not over the text. */
function offsetAt(text: HTMLElement, x: number, y: number): number | null {
  const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null }
  const pos = doc.caretPositionFromPoint?.(x, y)
  const node = pos?.offsetNode ?? document.caretRangeFromPoint?.(x, y)?.startContainer
  const offset = pos ? pos.offset : document.caretRangeFromPoint?.(x, y)?.startOffset
  if (!node || offset === undefined || !text.contains(node)) return null
  return pointToOffset(text, node, offset)
}

/**
 * The edges of a span as two handles in the text: drag one to move that boundary, or focus it
 * (Tab) and press Shift+← / Shift+→ to move it one character. Each handle is a slider whose value
 * is the boundary's offset in code points.
 */
export function BoundaryHandles({ span, textRef, boxRef, map, layoutKey, textOf, onChange }: BoundaryHandlesProps) {
  const t = useT()
  const [places, setPlaces] = useState<Record<Edge, Place | null>>({ start: null, end: null })
  const dragging = useRef<Edge | null>(null)
  const spanRef = useRef(span)
  spanRef.current = span

  const measure = useCallback(() => {
    const text = textRef.current
    const box = boxRef.current
    if (!text || !box) return
    setPlaces({ start: placeOf(text, box, map.toUtf16(span.start), 'start'), end: placeOf(text, box, map.toUtf16(span.end), 'end') })
  }, [textRef, boxRef, map, span.start, span.end])

  useLayoutEffect(() => {
    measure()
    const box = boxRef.current
    if (!box) return
    const observer = new ResizeObserver(measure)
    observer.observe(box)
    return () => observer.disconnect()
  }, [measure, layoutKey, boxRef])

  /** Moves one edge to a code point offset, keeping at least one character in the span. */
  const moveTo = (edge: Edge, cp: number): void => {
    const s = spanRef.current
    const next = edge === 'start' ? { ...s, start: Math.max(0, Math.min(cp, s.end - 1)) } : { ...s, end: Math.min(map.cpLength, Math.max(cp, s.start + 1)) }
    if (next.start !== s.start || next.end !== s.end) onChange(next)
  }

  const onPointerDown = (edge: Edge) => (e: PointerEvent<HTMLElement>) => {
    e.preventDefault()
    e.stopPropagation()
    e.currentTarget.setPointerCapture(e.pointerId)
    e.currentTarget.focus()
    dragging.current = edge
  }
  const onPointerMove = (edge: Edge) => (e: PointerEvent<HTMLElement>) => {
    const text = textRef.current
    if (dragging.current !== edge || !text) return
    // The handle is under the pointer: look through it at the text.
    const handle = e.currentTarget
    handle.style.visibility = 'hidden'
    const u16 = offsetAt(text, e.clientX, e.clientY)
    handle.style.visibility = ''
    if (u16 !== null) moveTo(edge, map.toCodePoint(u16))
  }
  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    dragging.current = null
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId)
  }
  const onKeyDown = (edge: Edge) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    e.preventDefault()
    e.stopPropagation()
    moveTo(edge, spanRef.current[edge] + (e.key === 'ArrowLeft' ? -1 : 1))
  }

  return (
    <>
      {(['start', 'end'] as const).map((edge) => {
        const p = places[edge]
        if (!p) return null
        return (
          <span
            key={edge}
            role="slider"
            tabIndex={0}
            className={`boundary-handle ${edge}`}
            data-edge={edge}
            aria-label={t(`review:handle.${edge}`)}
            aria-valuemin={0}
            aria-valuemax={map.cpLength}
            aria-valuenow={span[edge]}
            aria-valuetext={t('review:handle.value', { offset: span[edge], text: textOf(span) })}
            aria-keyshortcuts="Shift+ArrowLeft Shift+ArrowRight"
            title={t('review:handle.title')}
            style={{ left: p.left, top: p.top, height: p.height }}
            onPointerDown={onPointerDown(edge)}
            onPointerMove={onPointerMove(edge)}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onKeyDown={onKeyDown(edge)}
            onClick={(e) => e.stopPropagation()}
          />
        )
      })}
    </>
  )
}
