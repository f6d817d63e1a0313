const MAX_TITLE = 120
const MIN_HEADLINE = 15

/** A document's title: meta.title when it is a non-empty string, else its first non-blank line. */
export function deriveTitle(text: string, meta: Record<string, unknown>): string {
  const fromMeta = meta['title']
  if (typeof fromMeta === 'string' && fromMeta.trim() !== '') return clip(fromMeta.trim())
  // Scraped articles often open with menus ("메뉴 건너뛰기", an outlet's name): prefer
  // the first line that reads like a headline, several words long.
  const lines = text.split(/\r?\n|\r/).map((l) => l.trim())
  const headline = lines.find((l) => l.includes(' ') && [...l].length >= MIN_HEADLINE)
  const first = headline ?? lines.find((l) => l !== '')
  return first ? clip(first) : '(empty document)'
}

function clip(s: string): string {
  const chars = [...s]
  return chars.length > MAX_TITLE ? chars.slice(0, MAX_TITLE - 1).join('') + '…' : s
}
