import { eojeolAround, trimSelection, type TrimOptions } from '../../shared/korean/particles'
import { offsetToPoint, readSelection } from './dom-selection'

/**
 * After a double-click has selected (part of) a word, selects the whole eojeol
 * around it without its particle and punctuation: double-clicking 올트먼의
 * selects 올트먼, and 오픈AI가 selects 오픈AI (Chromium alone would select "AI").
 * Returns the new UTF-16 range, or null when nothing was changed.
 */
export function narrowWordSelection(sel: Selection | null, text: string, options: TrimOptions = {}): { start: number; end: number } | null {
  const current = readSelection(sel)
  if (!sel || !current || 'error' in current) return null
  const word = eojeolAround(text, current.start, current.end)
  const t = trimSelection(text, word.start, word.end, options)
  if (t.end <= t.start || (t.start === current.start && t.end === current.end)) return null
  const from = offsetToPoint(current.container, t.start)
  const to = offsetToPoint(current.container, t.end)
  if (!from || !to) return null
  sel.setBaseAndExtent(from.node, from.offset, to.node, to.offset)
  return { start: t.start, end: t.end }
}
