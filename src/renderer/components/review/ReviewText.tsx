import { useMemo, type MouseEvent } from 'react'
import type { ReviewCandidate } from '../../../shared/api'
import { OffsetMap } from '../../../shared/offsets'
import { useT } from '../../use-t'
import { splitBlocks } from '../../text/blocks'
import type { RenderSpan } from '../../text/nest'
import { BlockView, type LabelStyles } from '../Block'

interface ReviewTextProps {
  text: string
  candidates: readonly ReviewCandidate[]
  current: string | null
  labels: LabelStyles
  onPick(key: string): void
}

/** The document with every candidate drawn in its label's colour and styled by kind and decision. */
export function ReviewText({ text, candidates, current, labels, onPick }: ReviewTextProps) {
  const blocks = useMemo(() => splitBlocks(text), [text])
  const map = useMemo(() => OffsetMap.of(text), [text])
  const t = useT()
  const spans = useMemo<RenderSpan[]>(
    () =>
      candidates.map((c, i) => ({
        id: i + 1,
        start: map.toUtf16(c.start),
        end: map.toUtf16(c.end),
        label: c.label,
        kind: c.kind,
        decision: c.decision ?? 'pending',
        candidate: c.key,
        note: `${c.annotators.join(', ')} · ${t(`review:kind.${c.kind}`)}${c.decision ? ` · ${t(`review:decision.${c.decision}`)}` : ''}`
      })),
    [candidates, map, t]
  )
  const currentId = candidates.findIndex((c) => c.key === current) + 1 || null

  const onClick = (e: MouseEvent): void => {
    const mark = (e.target as Element).closest?.('[data-candidate]')
    const key = mark?.getAttribute('data-candidate')
    if (key) onPick(key)
  }

  return (
    <div className="doc-scroll review-text" onClick={onClick} tabIndex={0} role="region" aria-label={t('review:textLabel')}>
      <div className="doc-text" data-review-text="">
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
    </div>
  )
}
