import { useEffect, useMemo, useRef, type MouseEvent } from 'react'
import type { ReviewCandidate } from '../../../shared/api'
import type { SpanState } from '../../../shared/domain'
import { OffsetMap } from '../../../shared/offsets'
import { useT } from '../../use-t'
import { splitBlocks } from '../../text/blocks'
import type { RenderSpan } from '../../text/nest'
import { BlockView, type LabelStyles } from '../Block'
import { BoundaryHandles } from './BoundaryHandles'

interface ReviewTextProps {
  text: string
  candidates: readonly ReviewCandidate[]
  current: string | null
  labels: LabelStyles
  onPick(key: string): void
  /** The span being edited (drawn over the text), null when nothing is. */
  draft: SpanState | null
  /** The span whose edges carry drag handles: the draft, else the current candidate. */
  handles: SpanState | null
  textOf(s: SpanState): string
  /** An edge was dragged or moved with Shift+arrow: the span with its new boundaries. */
  onEdges(span: SpanState): void
}

/** The document with every candidate drawn in its label's colour and styled by kind and decision. */
export function ReviewText({ text, candidates, current, labels, onPick, draft, handles, textOf, onEdges }: ReviewTextProps) {
  const blocks = useMemo(() => splitBlocks(text), [text])
  const map = useMemo(() => OffsetMap.of(text), [text])
  const textRef = useRef<HTMLDivElement>(null)
  const boxRef = useRef<HTMLDivElement>(null)
  const t = useT()
  const spans = useMemo<RenderSpan[]>(() => {
    const list: RenderSpan[] = candidates.map((c, i) => ({
      id: i + 1,
      start: map.toUtf16(c.start),
      end: map.toUtf16(c.end),
      label: c.label,
      kind: c.kind,
      decision: c.editedTo ? 'edited' : (c.decision ?? 'pending'),
      candidate: c.key,
      note: `${c.annotators.join(', ')} · ${t(`review:kind.${c.kind}`)}${c.decision ? ` · ${t(c.editedTo ? 'review:decision.edited' : `review:decision.${c.decision}`)}` : ''}`
    }))
    if (draft) {
      list.push({ id: candidates.length + 1, start: map.toUtf16(draft.start), end: map.toUtf16(draft.end), label: draft.label, kind: 'draft', note: t('review:draftNote') })
    }
    return list
  }, [candidates, map, t, draft])
  const currentId = candidates.findIndex((c) => c.key === current) + 1 || null
  // The current candidate is brought into view in the text too (n / p, a click in the list).
  useEffect(() => {
    if (current) textRef.current?.querySelector(`mark[data-candidate="${CSS.escape(current)}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const onClick = (e: MouseEvent): void => {
    const mark = (e.target as Element).closest?.('[data-candidate]')
    const key = mark?.getAttribute('data-candidate')
    if (key) onPick(key)
  }

  return (
    <div className="doc-scroll review-text" onClick={onClick} tabIndex={0} role="region" aria-label={t('review:textLabel')}>
      <div className="review-text-box" ref={boxRef}>
        <div className="doc-text" data-review-text="" ref={textRef}>
          {blocks.map((block) => {
            const inBlock = spans.filter((s) => s.start < block.end && s.end > block.start)
            return (
              <BlockView
                key={block.start}
                text={text}
                block={block}
                spans={inBlock}
                selectedId={currentId !== null && inBlock.some((s) => s.id === currentId) ? currentId : null}
                labels={labels}
              />
            )
          })}
        </div>
        {handles && (
          <BoundaryHandles
            span={handles}
            textRef={textRef}
            boxRef={boxRef}
            map={map}
            layoutKey={`${spans.length}:${draft ? `${draft.start}:${draft.end}` : ''}`}
            textOf={textOf}
            onChange={onEdges}
          />
        )}
      </div>
    </div>
  )
}
