import type { LabelDef } from '../../shared/domain'
import { codePointSlice } from '../../shared/offsets'
import type { LoadedDoc } from '../state/doc-state'
import { say, type UiText } from '../state/status'

const MAX_QUOTE = 40

/** The status line for a clicked span: its label, annotator, code point offsets and (the start of) its text. */
export function spanStatus(loaded: LoadedDoc, spanId: number, labels: readonly Pick<LabelDef, 'key' | 'name'>[]): UiText | null {
  const span = loaded.spans.get(spanId)
  if (!span) return null
  const whole = codePointSlice(loaded.doc.text, span.start, span.end, loaded.map)
  const chars = [...whole]
  const text = chars.length > MAX_QUOTE ? `${chars.slice(0, MAX_QUOTE).join('')}…` : whole
  const label = labels.find((l) => l.key === span.label)?.name ?? span.label
  return say('screens:status.span', { label, annotator: span.annotator, start: span.start, end: span.end, text })
}
