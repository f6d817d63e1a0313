import { KEEP_WHOLE, PARTICLES, particleAtEnd } from '../korean/particles'
import type { Token } from './types'

/**
 * The 'morph' tokens: a Korean-aware split of each eojeol (run of non-whitespace),
 * with code point offsets, so that a span drawn where the particle rules and the
 * punctuation trimming put it starts and ends on token boundaries.
 *
 * Inside an eojeol, in this order:
 * 1. Punctuation and symbols (\p{P}, \p{S}: brackets, quotes, ▲, ·, commas, full
 *    stops, %, …) are tokens of their own, one grapheme each, so an emoji ZWJ
 *    sequence stays whole. A . , : between two digits stays in the number (3.5, 1,000).
 * 2. The rest is cut where the script changes (Hangul, Latin, digits, Han, other):
 *    오픈AI가 → 오픈 AI 가, 21일 → 21 일.
 * 3. A Hangul run then loses, as separate tokens and from the end, the particle the
 *    particle rules would trim (삼성전자는 → 삼성전자 는, 1월과 → 1 월 과), a few
 *    particles they leave alone (회동엔 → 회동 엔), a 하다/되다 ending (면담했습니다 →
 *    면담 했습니다) and a title written against a name (삼성사장 → 삼성 사장), each
 *    after a stem of two or more syllables (one after digits or Latin letters).
 * Tokens never hold whitespace; text between tokens is whitespace only.
 */

const PUNCT = /^[\p{P}\p{S}]/u
const HANGUL = /^[\p{Script=Hangul}]/u
const LATIN = /^[\p{Script=Latin}]/u
const DIGIT = /^\p{Nd}/u
const HAN = /^\p{Script=Han}/u
const NUMBER_JOINER = new Set(['.', ',', ':'])
const WHITESPACE = /^\s$/u

/** 하다/되다 endings split off a noun stem (면담했습니다 → 면담 했습니다); longest first. */
const ENDINGS: readonly string[] = [
  '했습니다', '했다며', '했다고', '했는데', '했지만', '했으며', '하겠다', '한다고', '한다며', '하면서', '합니다', '됩니다', '됐으며', '되면서',
  '했다', '했고', '했던', '했을', '한다', '하는', '하고', '하며', '하기', '하자', '해서', '하여', '됐다', '됐고', '되는', '되고', '되며', '된다',
  '했', '한', '할', '해', '된', '될'
].sort((a, b) => b.length - a.length)

type Kind = 'punct' | 'hangul' | 'latin' | 'digit' | 'han' | 'other'

function kindOf(g: string): Kind {
  if (PUNCT.test(g)) return 'punct'
  if (HANGUL.test(g)) return 'hangul'
  if (DIGIT.test(g)) return 'digit'
  if (LATIN.test(g)) return 'latin'
  if (HAN.test(g)) return 'han'
  return 'other'
}

let segmenter: Intl.Segmenter | null = null

/** Grapheme clusters of a string as code point lengths. */
function graphemes(word: string): string[] {
  segmenter ??= new Intl.Segmenter('ko', { granularity: 'grapheme' })
  return Array.from(segmenter.segment(word), (s) => s.segment)
}

/**
 * Particles, copula forms and bound nouns the trimming rules leave alone (회동엔, 대표론,
 * 99점이었다, 10분가량, 2시간짜리, 김모씨), split off here after any stem. General Korean
 * grammar, not a list taken from a corpus.
 */
const MORE_PARTICLES: readonly string[] = [
  '에게선', '에서의', '에선', '으론', '이란', '이라는', '이라고', '이라서', '이라며', '이었다', '이었고', '이었던', '이었습니다', '였다', '였고', '였던', '이다', '이며', '이고', '이랑',
  '입니다', '이에요', '예요', '라는', '라고', '라서', '랑', '마저', '조차', '밖에', '부터', '까지', '처럼', '보다', '만큼', '같이', '엔', '론', '란',
  '인', '이라', '가량', '짜리', '쯤', '씩', '째', '경', '께', '당', '간', '때', '이상', '이하', '내내', '때문', '들', '중'
].sort((a, b) => b.length - a.length)

/**
 * Titles and dependent nouns written against a name (삼성사장, 김씨, 김모, 나델라측): split
 * off after any stem, so the name is a token of its own.
 */
const SUFFIX_NOUNS: readonly string[] = ['부회장', '위원장', '대통령', '사장', '회장', '대표', '장관', '차관', '의원', '총리', '교수', '기자', '감독', '선수', '씨', '모', '측', '님', '군', '양', '형'].sort((a, b) => b.length - a.length)

/**
 * Splits a Hangul run (code units; Hangul is in the BMP) into stem and particle or
 * ending. `before` is the rest of the eojeol before the run (digits, Latin: 1월과, AI가),
 * which counts as the stem for the particle rules' two-syllable minimum.
 */
function splitHangul(run: string, before: string): string[] {
  const word = before + run
  const particle = particleAtEnd(word, 0, word.length)
  if (particle !== null && particle.length < run.length) return [...splitHangul(run.slice(0, run.length - particle.length), before), particle]
  // Then any particle after any stem, agreement or not (홍지영와, 박의, 김이): words are cut, never joined,
  // so a cut too many costs a token, while a cut too few moves a span.
  if (!KEEP_WHOLE.has(run)) for (const p of PARTICLES) if (run.length > p.length && run.endsWith(p)) return [...splitHangul(run.slice(0, run.length - p.length), before), p]
  for (const [list, min] of [[MORE_PARTICLES, 1], [SUFFIX_NOUNS, 1], [ENDINGS, before === '' ? 2 : 1]] as const) {
    for (const e of list) {
      if (run.length - e.length >= min && run.endsWith(e)) return [...splitHangul(run.slice(0, run.length - e.length), before), e]
    }
  }
  return [run]
}

/** Morph tokens of one eojeol starting at code point `start`. */
function eojeolTokens(word: string, start: number, out: Token[]): void {
  const gs = graphemes(word)
  const kinds = gs.map(kindOf)
  // Punctuation between two digits belongs to the number.
  for (let i = 1; i + 1 < gs.length; i++) if (kinds[i] === 'punct' && NUMBER_JOINER.has(gs[i] as string) && kinds[i - 1] === 'digit' && kinds[i + 1] === 'digit') kinds[i] = 'digit'
  let at = start
  let i = 0
  while (i < gs.length) {
    const kind = kinds[i] as Kind
    let j = i + 1
    if (kind !== 'punct') while (j < gs.length && kinds[j] === kind) j++
    const run = gs.slice(i, j).join('')
    const pieces = kind === 'hangul' ? splitHangul(run, gs.slice(0, i).filter((_, k) => kinds[k] !== 'punct').join('').slice(-4)) : [run]
    for (const p of pieces) {
      const n = Array.from(p).length
      out.push({ start: at, end: at + n, text: p })
      at += n
    }
    i = j
  }
}

/** Morph tokens of a text (see above); code points, ascending, disjoint, whitespace left out. */
export function morphTokens(text: string): Token[] {
  const cps = Array.from(text)
  const out: Token[] = []
  let s = -1
  for (let i = 0; i <= cps.length; i++) {
    const ws = i === cps.length || WHITESPACE.test(cps[i] as string)
    if (!ws && s < 0) s = i
    else if (ws && s >= 0) {
      eojeolTokens(cps.slice(s, i).join(''), s, out)
      s = -1
    }
  }
  return out
}
