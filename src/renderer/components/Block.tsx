import { memo, type CSSProperties, type ReactNode } from 'react'
import type { LabelDef } from '../../shared/domain'
import type { Block } from '../text/blocks'
import { nestSpans, type MarkNode, type RenderSpan } from '../text/nest'
import { bidiText } from './BidiText'

export interface LabelStyles {
  byKey: ReadonlyMap<string, LabelDef>
}

interface BlockProps {
  text: string
  block: Block
  spans: readonly RenderSpan[]
  selectedId: number | null
  labels: LabelStyles
}

/**
 * One block of document text with its spans as nested <mark> elements. The
 * text is always React text (never HTML); label names are drawn by CSS from
 * data attributes, so the block's textContent is exactly its slice of the text.
 */
export const BlockView = memo(function BlockView({ text, block, spans, selectedId, labels }: BlockProps) {
  const nodes = nestSpans(spans, block.start, block.end)
  return (
    <div className="block" data-offset={block.start}>
      {renderRange(text, nodes, block.start, block.end, selectedId, labels)}
    </div>
  )
})

function renderRange(text: string, nodes: MarkNode[], from: number, to: number, selectedId: number | null, labels: LabelStyles): ReactNode[] {
  const out: ReactNode[] = []
  let pos = from
  for (const node of nodes) {
    if (node.start > pos) out.push(bidiText(text.slice(pos, node.start), `t${pos}`))
    out.push(renderMark(text, node, selectedId, labels))
    pos = node.end
  }
  if (pos < to) out.push(bidiText(text.slice(pos, to), `t${pos}`))
  return out
}

function renderMark(text: string, node: MarkNode, selectedId: number | null, labels: LabelStyles): ReactNode {
  const label = labels.byKey.get(node.span.label)
  const style = { '--span-color': label?.color ?? '#868e96', '--span-depth': node.depth } as CSSProperties
  return (
    <mark
      key={`${node.span.id}:${node.start}`}
      className={node.span.id === selectedId ? 'span selected' : 'span'}
      data-span-id={node.span.id}
      data-label={node.span.label}
      data-label-name={label?.name ?? node.span.label}
      data-depth={node.depth}
      data-kind={node.span.kind}
      data-decision={node.span.decision}
      data-candidate={node.span.candidate}
      data-pending={node.span.pending ? 'true' : undefined}
      title={(label ? `${label.name} (${label.key})` : node.span.label) + (node.span.note ? ` — ${node.span.note}` : '')}
      style={style}
    >
      {renderRange(text, node.children, node.start, node.end, selectedId, labels)}
    </mark>
  )
}
