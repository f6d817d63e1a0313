/**
 * Bidirectional formatting characters: invisible, yet able to reorder the
 * text around them (U+202E can make "exe.txt" read "txt.exe"). The document
 * view keeps each in the DOM, so offsets still map one to one, but draws it
 * as a visible marker and isolates it, so it cannot disguise anything.
 */
export const BIDI_CONTROLS: Readonly<Record<string, string>> = {
  '\u061C': 'ALM',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI'
}

const ANY = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/

export type BidiPiece = { text: string; control?: undefined } | { text: string; control: string }

export function hasBidiControl(text: string): boolean {
  return ANY.test(text)
}

/**
 * Cuts text into plain runs and single bidi controls (with their short names),
 * in order; the pieces' texts joined are `text`. Plain text gives one piece.
 */
export function splitBidi(text: string): BidiPiece[] {
  if (!ANY.test(text)) return text === '' ? [] : [{ text }]
  const pieces: BidiPiece[] = []
  let run = ''
  for (const ch of text) {
    const name = BIDI_CONTROLS[ch]
    if (name === undefined) {
      run += ch
      continue
    }
    if (run !== '') pieces.push({ text: run })
    run = ''
    pieces.push({ text: ch, control: name })
  }
  if (run !== '') pieces.push({ text: run })
  return pieces
}

/**
 * For text that is only shown, never offset-mapped (titles, status messages):
 * each bidi control replaced by its visible name, e.g. "invoice⟨RLO⟩fdp.exe".
 */
export function showBidiControls(text: string): string {
  if (!ANY.test(text)) return text
  return splitBidi(text)
    .map((p) => (p.control === undefined ? p.text : `⟨${p.control}⟩`))
    .join('')
}
