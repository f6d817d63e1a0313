import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { eojeolAround, trimSelection } from '../../src/shared/korean/particles'

const SEEDS = join(__dirname, '..', '..', 'seeds')
const seedText = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(SEEDS, f), 'utf8'))
  .join('\n')

/** Trims the whole of `phrase` as if it were selected inside `context` (default: the phrase alone). */
function trim(phrase: string, context = phrase, vocabulary?: ReadonlySet<string>): string {
  const at = context.indexOf(phrase)
  if (at < 0) throw new Error(`${phrase} is not in the context`)
  const t = trimSelection(context, at, at + phrase.length, vocabulary ? { vocabulary } : {})
  return context.slice(t.start, t.end)
}

describe('particle trimming on phrases from the seeds', () => {
  it('every phrase used here really occurs in the seed articles', () => {
    for (const p of ['올트먼의', '삼성전자가', '회장과', '오픈AI가', 'SK하이닉스의', '1월과', '6월에도', '서울에서', '더플라자호텔에서', '손정의', '연평도', '카나나', '400만', '두바이', '새너제이', '기업들과의', '회장과도']) {
      expect(seedText.includes(p), p).toBe(true)
    }
  })

  it.each([
    ['올트먼의', '올트먼'],
    ['삼성전자는', '삼성전자'],
    ['삼성전자가', '삼성전자'],
    ['회장과', '회장'],
    ['최태원 회장과', '최태원 회장'],
    ['오픈AI가', '오픈AI'],
    ['오픈AI와의', '오픈AI'],
    ['SK하이닉스의', 'SK하이닉스'],
    ['SK그룹의', 'SK그룹'],
    ['1월과', '1월'],
    ['6월에도', '6월'],
    ['서울에서', '서울'],
    ['더플라자호텔에서', '더플라자호텔'],
    ['기업들과의', '기업들'],
    ['회장과도', '회장'],
    ['경영진과의', '경영진'],
    ['회장이', '회장'],
    ['CEO는', 'CEO'],
    ['CEO를', 'CEO'],
    ['올트먼과', '올트먼'],
    ['본사에서', '본사'],
    ['서울로', '서울'],
    ['전용기편으로', '전용기편'],
    ['카카오에서도', '카카오'],
    ['Arm의', 'Arm'],
    ['MS가', 'MS']
  ])('%s → %s', (phrase, expected) => {
    expect(trim(phrase)).toBe(expected)
  })

  it.each([
    // words that merely end in a particle-like syllable
    '카카오',
    '오픈AI',
    '이재용',
    '최태원',
    '손정의',
    '연평도',
    '인도',
    '두바이',
    '새너제이',
    '오요안나',
    '국가',
    '하나',
    '시도',
    '논의',
    '동의',
    '회의',
    '도로',
    '400만'
  ])('%s stays whole', (word) => {
    expect(trim(word)).toBe(word)
  })

  it('keeps an ending the document uses as part of the word (카나나는 elsewhere), trims it otherwise', () => {
    expect(trim('카나나', '카카오의 카나나')).toBe('카나')
    expect(trim('카나나', '카카오의 카나나 출시. 카나나는 AI 메이트')).toBe('카나나')
  })

  it("keeps words from the caller's vocabulary (e.g. span texts already in the project)", () => {
    expect(trim('솔라나', '솔라나 가격')).toBe('솔라')
    expect(trim('솔라나', '솔라나 가격', new Set(['솔라나']))).toBe('솔라나')
  })

  it('trims spaces, quotes, brackets and sentence punctuation first, and reports what it cut', () => {
    const text = '“샘 올트먼의” (오픈AI) 회장.'
    const t = trimSelection(text, 0, 8)
    expect(text.slice(t.start, t.end)).toBe('샘 올트먼')
    expect(t.cutBefore).toBe('“')
    expect(t.cutAfter).toBe('의”')
    expect(t.particle).toBe('의')
    expect(trim(' (오픈AI) ', '회사 (오픈AI) 와')).toBe('오픈AI')
    expect(trim('회장.', '최 회장.')).toBe('회장')
    expect(trim('10%', '금리 10%')).toBe('10%')
  })

  it('can leave particles alone (the setting) and never trims to nothing', () => {
    const text = '올트먼의 방한'
    const off = trimSelection(text, 0, 4, { particles: false })
    expect(text.slice(off.start, off.end)).toBe('올트먼의')
    expect(off.particle).toBeNull()
    const dots = trimSelection('... ...', 0, 7)
    expect(dots.end - dots.start).toBe(0)
    expect(trim('의', '그의')).toBe('의')
  })

  it('works in UTF-16 around astral characters and CRLF', () => {
    const text = '😀𠀀 올트먼의\r\n'
    const t = trimSelection(text, 0, text.length)
    expect(text.slice(t.start, t.end)).toBe('😀𠀀 올트먼')
    expect(t.cutAfter).toBe('의\r\n')
  })
})

describe('eojeolAround', () => {
  it('grows a partial selection to the word between spaces and punctuation', () => {
    const text = '샘 올트먼 오픈AI가 “SK하이닉스의” 회장'
    const at = text.indexOf('AI')
    const w = eojeolAround(text, at, at + 2)
    expect(text.slice(w.start, w.end)).toBe('오픈AI가')
    const q = text.indexOf('하이')
    const v = eojeolAround(text, q, q + 1)
    expect(text.slice(v.start, v.end)).toBe('SK하이닉스의')
    const t = trimSelection(text, v.start, v.end)
    expect(text.slice(t.start, t.end)).toBe('SK하이닉스')
  })
})
