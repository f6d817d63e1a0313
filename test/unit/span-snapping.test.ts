import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { trimSelection } from '../../src/shared/korean/particles'
import { crossesParagraph, labelledIn, snapToWords, spanForSelection, type SpanRequest } from '../../src/shared/korean/span-snap'

const SEEDS = join(__dirname, '..', '..', 'seeds')
const seed = (id: string): string => readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(id)) ?? ''), 'utf8')

/** The text trimming keeps of `phrase`, selected whole inside `context`. */
function trimmed(phrase: string, context = phrase): string {
  const at = context.indexOf(phrase)
  if (at < 0) throw new Error(`${phrase} is not in the context`)
  const t = trimSelection(context, at, at + phrase.length)
  return context.slice(t.start, t.end)
}

const REQ: SpanRequest = { trim: true, snap: true, crossParagraphs: false, labelName: 'Person' }

/** What spanForSelection saves for `needle` (the nth occurrence) selected in text, or the refusal's key. */
function saved(text: string, needle: string, req: Partial<SpanRequest> = {}, nth = 0): string {
  let at = -1
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1)
  if (at < 0) throw new Error(`${needle} is not in the text`)
  const r = spanForSelection(text, at, at + needle.length, { ...REQ, ...req })
  return r.ok ? text.slice(r.start, r.end) : `refused ${r.reason.key}`
}

describe('balanced trimming: never an unbalanced bracket or quote', () => {
  it('keeps a closing bracket whose opening one is inside (마이크로소프트(MS))', () => {
    expect(trimmed('마이크로소프트(MS)')).toBe('마이크로소프트(MS)')
    expect(trimmed('마이크로소프트(MS)', '미국 마이크로소프트(MS) 등')).toBe('마이크로소프트(MS)')
    expect(trimmed('인공지능(AI)', seed('003'))).toBe('인공지능(AI)')
    expect(trimmed('(주)삼성전자')).toBe('(주)삼성전자')
  })

  it.each([
    ['(', ')'],
    ['[', ']'],
    ['「', '」'],
    ['『', '』'],
    ['“', '”'],
    ['‘', '’'],
    ['"', '"'],
    ["'", "'"],
    ['《', '》'],
    ['〈', '〉']
  ])('%s…%s: kept when both are inside, cut when unmatched or enclosing', (open, close) => {
    expect(trimmed(`삼성${open}전자${close}`)).toBe(`삼성${open}전자${close}`)
    expect(trimmed(`${open}주${close}삼성`)).toBe(`${open}주${close}삼성`)
    expect(trimmed(`${open}삼성전자${close}`)).toBe('삼성전자')
    // "" and '' open and close alike: doubled, they read as two empty pairs, so only the others nest
    if (open !== close) {
      expect(trimmed(`${open}${open}삼성전자${close}${close}`)).toBe('삼성전자')
      expect(trimmed(`${open}삼성${open}전자${close}`)).toBe(`삼성${open}전자${close}`)
    }
    expect(trimmed(`삼성전자${close}`)).toBe('삼성전자')
    expect(trimmed(`${open}삼성전자`)).toBe('삼성전자')
    expect(trimmed(`삼성${open}전자${close}.`)).toBe(`삼성${open}전자${close}`)
  })

  it('still trims the particle after a bracketed part, agreeing with the word before the bracket', () => {
    expect(trimmed('마이크로소프트(MS)가')).toBe('마이크로소프트(MS)')
    expect(trimmed('인공지능(AI)의')).toBe('인공지능(AI)')
    expect(trimmed('“샘 올트먼의”')).toBe('샘 올트먼')
  })
})

describe('snapping to eojeol edges', () => {
  const text = seed('004')

  it('grows a drag from mid-word to whole words, then trims the particle', () => {
    expect(saved(text, '태원 SK그')).toBe('최태원 SK그룹')
    expect(saved(text, '트먼 오픈A')).toBe('올트먼 오픈AI')
    expect(saved(text, '태원 SK그', { snap: false })).toBe('태원 SK그')
    // 올트먼의 → 올트먼: the particle goes after snapping
    const t = '샘 올트먼의 방한'
    expect(saved(t, '트먼')).toBe('올트먼')
    expect(saved(t, '트먼', { trim: false })).toBe('올트먼의')
  })

  it('counts the middle dot, brackets and quotes as word edges', () => {
    const t = '삼성전자·SK하이닉스와 마이크로소프트(MS)가 ‘두끼 회동’을 했다'
    expect(saved(t, '전자·SK')).toBe('삼성전자·SK하이닉스')
    expect(saved(t, '성전')).toBe('삼성전자')
    expect(saved(t, '하이')).toBe('SK하이닉스')
    expect(saved(t, '소프트(M')).toBe('마이크로소프트(MS)')
    expect(saved(t, 'S)')).toBe('MS')
    expect(saved(t, '끼 회')).toBe('두끼 회동')
  })

  it('leaves an edge that is already at a word edge, and works around astral characters and CRLF', () => {
    const t = '𠀀𠀀전자 😀올트먼의\r\n다음'
    expect(snapToWords(t, 2, 3)).toEqual({ start: 0, end: 6 })
    expect(saved(t, '트')).toBe('😀올트먼')
    expect(saved(t, '𠀀전')).toBe('𠀀𠀀전자')
    expect(saved('', '', {})).toBe('refused labelling:onlyPunctuation')
    // bidi controls and the zero-width space are word edges; a ZWJ sequence is one word
    expect(saved('invoice\u202Efdp.exe 를', 'fd')).toBe('fdp')
    expect(saved('가족 👩\u200D👩\u200D👧사진', '👧사')).toBe('👩\u200D👩\u200D👧사진')
    expect(saved('삼성\u200B전자', '성')).toBe('삼성')
    expect(saved('"><script>window.x=2</script>', '<script>')).toBe('<script>')
    expect(saved('a=bc+d', 'b')).toBe('bc')
  })
})

describe('paragraph breaks', () => {
  it('refuses a span across a blank line or a single line break unless the label allows it', () => {
    const text = seed('000')
    const at = text.indexOf('연합뉴스\n')
    const end = text.indexOf('한국', at) + 2
    const across = text.slice(at, end)
    expect(across).toMatch(/^연합뉴스\n\n+한국$/)
    const r = spanForSelection(text, at, end, REQ)
    expect(r).toEqual({ ok: false, reason: { key: 'labelling:crossesParagraph', params: { label: 'Person' } } })
    const allowed = spanForSelection(text, at, end, { ...REQ, crossParagraphs: true })
    expect(allowed.ok && text.slice(allowed.start, allowed.end)).toBe(across)
    // one line per paragraph (seed 003): a single line break is a paragraph break too
    const t3 = seed('003')
    const nl = t3.indexOf('\n')
    expect(saved(t3, t3.slice(nl - 3, nl + 3))).toBe('refused labelling:crossesParagraph')
    expect(crossesParagraph('a\r\nb', 0, 4)).toBe(true)
    expect(crossesParagraph('a b', 0, 3)).toBe(false)
  })

  it('trims line breaks at the edges before deciding (a triple-click line is one paragraph)', () => {
    expect(saved('\n올트먼의\n\n', '\n올트먼의\n\n')).toBe('올트먼')
  })
})

describe('labelledIn', () => {
  it('finds a word labelled at any of its occurrences, the same answer for any caller', () => {
    const text = '솔라나 가격, 솔라나 전망'
    const second = text.lastIndexOf('솔라나')
    expect(labelledIn(text, '솔라나', (s, e) => s === second && e === second + 3)).toBe(true)
    expect(labelledIn(text, '솔라나', () => false)).toBe(false)
    const r = spanForSelection(text, 0, 3, { ...REQ, isKnown: (w) => labelledIn(text, w, (s) => s === second) })
    expect(r.ok && text.slice(r.start, r.end)).toBe('솔라나')
  })
})
