import { memo, type CSSProperties, type ReactNode } from 'react'
import type { LabelDef } from '../../shared/domain'
import type { Block } from '../text/blocks'
import { nestSpans, type MarkNode, type RenderSpan } from '../text/nest'
import { bidiText } from './BidiText'
import { useT } from '../use-t'
import { regionReasonKey } from '../../shared/region-reasons'

type Tr = ReturnType<typeof useT>

/** An overlay's detail in the UI language: a message, or a region's stored reasons (known codes translated, others as written). */
function noteText(t: Tr, note: RenderSpan['note']): string {
  if (note === undefined) return ''
  if (typeof note !== 'string') return String(t(note.key as never, (note.params ?? {}) as never))
  return note
    .split('; ')
    .map((r) => {
      const key = regionReasonKey(r)
      return key ? String(t(key as never)) : r
    })
    .join('; ')
}

export interface LabelStyles {
  byKey: ReadonlyMap<string, LabelDef>
  /** Span id → the entity it is linked to (src/renderer/state/entities.ts): marks carry data-entity. */
  entityOf?: ReadonlyMap<number, { entityId: number; name: string }>
}

interface BlockProps {
  text: string
  block: Block
  spans: readonly RenderSpan[]
  /** Ignored regions and suggestions over this block (src/renderer/text/overlays.ts); nested with the spans. */
  overlays?: readonly RenderSpan[]
  selectedId: number | null
  labels: LabelStyles
}

/**
 * One block of document text with its spans as nested <mark> elements. The
 * text is always React text (never HTML); label names are drawn by CSS from
 * data attributes, so the block's textContent is exactly its slice of the text.
 */
export const BlockView = memo(function BlockView({ text, block, spans, overlays, selectedId, labels }: BlockProps) {
  const t = useT()
  const nodes = nestSpans(overlays && overlays.length > 0 ? [...spans, ...overlays] : spans, block.start, block.end)
  return (
    <div className="block" data-offset={block.start}>
      {renderRange(text, nodes, block.start, block.end, selectedId, labels, t)}
    </div>
  )
})

function renderRange(text: string, nodes: MarkNode[], from: number, to: number, selectedId: number | null, labels: LabelStyles, t: Tr): ReactNode[] {
  const out: ReactNode[] = []
  let pos = from
  for (const node of nodes) {
    if (node.start > pos) out.push(bidiText(text.slice(pos, node.start), `t${pos}`))
    out.push(renderMark(text, node, selectedId, labels, t))
    pos = node.end
  }
  if (pos < to) out.push(bidiText(text.slice(pos, to), `t${pos}`))
  return out
}

function renderMark(text: string, node: MarkNode, selectedId: number | null, labels: LabelStyles, t: Tr): ReactNode {
  if (node.span.overlay) return renderOverlay(text, node, selectedId, labels, t)
  const label = labels.byKey.get(node.span.label)
  const style = { '--span-color': label?.color ?? '#868e96', '--span-depth': node.depth } as CSSProperties
  // A retired label (issue 10): its spans stay, striped and named "(retired)".
  const name = label ? (label.retired ? t('labels:retiredName', { name: label.name }) : label.name) : node.span.label
  return (
    <mark
      key={`${node.span.id}:${node.start}`}
      className={node.span.id === selectedId ? 'span selected' : 'span'}
      data-span-id={node.span.id}
      data-label={node.span.label}
      data-label-name={name}
      data-retired={label?.retired ? '' : undefined}
      data-depth={node.depth}
      data-kind={node.span.kind}
      data-decision={node.span.decision}
      data-candidate={node.span.candidate}
      data-pending={node.span.pending ? 'true' : undefined}
      data-entity={labels.entityOf?.get(node.span.id)?.entityId}
      title={(label ? `${name} (${label.key})` : node.span.label) + (node.span.note ? ` — ${noteText(t, node.span.note)}` : '') + entityNote(labels, node.span.id)}
      style={style}
    >
      {renderRange(text, node.children, node.start, node.end, selectedId, labels, t)}
    </mark>
  )
}

/** An overlay as a <span> with data attributes (never a <mark>): its text stays the document's text. */
function renderOverlay(text: string, node: MarkNode, selectedId: number | null, labels: LabelStyles, t: Tr): ReactNode {
  const o = node.span
  const children = renderRange(text, node.children, node.start, node.end, selectedId, labels, t)
  const key = `${o.id}:${node.start}`
  if (o.overlay === 'suggestion') {
    const label = labels.byKey.get(o.label)
    const style = { '--span-color': label?.color ?? '#868e96' } as CSSProperties
    return (
      <span
        key={key}
        className="suggestion"
        data-suggestion={o.label}
        data-start={o.cp?.start}
        data-end={o.cp?.end}
        title={t('pane:text.suggested', { label: label?.name ?? o.label, note: noteText(t, o.note) })}
        style={style}
      >
        {children}
      </span>
    )
  }
  if (o.overlay === 'ignored') {
    return (
      <span key={key} className="ignored-region" data-ignored="" data-region-id={o.regionId} title={t('pane:text.ignored', { note: noteText(t, o.note) })}>
        {children}
      </span>
    )
  }
  return (
    <span key={key} className="region-suggestion" data-region-suggestion="" data-start={o.cp?.start} data-end={o.cp?.end} title={t('pane:text.regionSuggested', { note: noteText(t, o.note) })}>
      {children}
    </span>
  )
}

/** " → Sam Altman" for a span linked to an entity (the mark's tooltip). */
function entityNote(labels: LabelStyles, spanId: number): string {
  const linked = labels.entityOf?.get(spanId)
  return linked ? ` → ${linked.name}` : ''
}
