import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codePointHits, findInText, kwic, particleAfter } from '../../src/shared/korean/occurrences'

const seed = (id: string) => readFileSync(join(__dirname, '..', '..', 'seeds', `${id}.txt`), 'utf8')
const texts = (text: string, needle: string) => findInText(text, needle).map((h) => text.slice(h.start, h.end + (h.particle?.length ?? 0)))

describe('findInText: the occurrence rule', () => {
  it('counts standalone and particle-followed mentions, not those inside a longer word', () => {
    const text = '올트먼의 방한. 샘 올트먼과도 만났다. 올트먼스 팬과 샘올트먼, 그리고 "올트먼" 올트먼은'
    expect(texts(text, '올트먼')).toEqual(['올트먼의', '올트먼과도', '올트먼', '올트먼은'])
    expect(findInText(text, '올트먼').map((h) => h.particle)).toEqual(['의', '과도', null, '은'])
  })

  it('needs the particle itself to end at a boundary', () => {
    // 올트먼이다: 이 is a particle but 다 follows it inside the word; 올트먼의견: 의 then 견.
    expect(texts('올트먼이다 올트먼의견 올트먼이,', '올트먼')).toEqual(['올트먼이'])
  })

  it('takes the longest particle (에서는 rather than 에)', () => {
    const hits = findInText('오픈AI에서는 오픈AI에 오픈AI에서는요', '오픈AI')
    expect(hits.map((h) => h.particle)).toEqual(['에서는', '에'])
  })

  it('a needle that starts or ends with punctuation needs no boundary there', () => {
    expect(texts('SK하이닉스(주)는 SK(주)', '(주)')).toEqual(['(주)', '(주)'])
    expect(texts('삼성전자', '삼성')).toEqual([])
  })

  it('on the seeds: every 올트먼 is standalone or particle-followed, and 최태원 too', () => {
    const ids = ['000_2f535eeb48f059c6', '001_2d6efb4355ea70ef', '002_350a00930be01512', '003_b69184515e3eb931', '004_2546148ec63b8380']
    const counts = ids.map((id) => findInText(seed(id), '올트먼').length)
    const raw = ids.map((id) => seed(id).split('올트먼').length - 1)
    expect(counts).toEqual(raw)
    expect(counts.reduce((a, b) => a + b)).toBe(57)
    // 002's headline "… 올트먼의 광폭…": the particle-followed mention counts
    expect(findInText(seed('002_350a00930be01512'), '올트먼')[0]).toMatchObject({ start: 6, particle: '의' })
    const seed0 = seed('000_2f535eeb48f059c6')
    expect(findInText(seed0, '최태원').length).toBe(seed0.split('최태원').length - 1)
  })

  it('stops at the limit', () => {
    expect(findInText('가 가 가 가', '가', 2)).toHaveLength(2)
    expect(findInText('가 가', '')).toEqual([])
  })
})

describe('codePointHits', () => {
  it('keeps code point offsets right after astral characters and CRLF (an emoji is a boundary, 𝐀 a letter)', () => {
    expect(findInText('𝐀올트먼', '올트먼')).toEqual([])
    const text = '😀𝐀 올트먼은\r\n🎉\r\n올트먼 CEO 😀올트먼'
    const hits = codePointHits(text, findInText(text, '올트먼'))
    const cps = [...text]
    expect(hits.map((h) => cps.slice(h.start, h.end).join(''))).toEqual(['올트먼', '올트먼', '올트먼'])
    expect(hits.map((h) => h.start)).toEqual([3, 12, 21])
    expect(hits.map((h) => text.slice(h.start16, h.end16))).toEqual(['올트먼', '올트먼', '올트먼'])
  })
})

describe('particleAfter and kwic', () => {
  it('particleAfter finds a bounded particle or null', () => {
    expect(particleAfter('올트먼과의 회동', 3)).toBe('과의')
    expect(particleAfter('올트먼스', 3)).toBeNull()
  })

  it('kwic gives about 30 characters either side, whitespace flattened, astral characters whole', () => {
    const left = '😀'.repeat(40)
    const text = `${left}\n\n올트먼 ${'가'.repeat(40)}`
    const at = text.indexOf('올트먼')
    const k = kwic(text, at, at + 3)
    expect(k.match).toBe('올트먼')
    expect(k.left).toBe('…' + '😀'.repeat(28) + ' ')
    expect(k.right).toBe(' ' + '가'.repeat(29) + '…')
    expect(kwic('올트먼', 0, 3)).toEqual({ left: '', match: '올트먼', right: '' })
  })
})
