import { isCloser, matchBrackets } from './brackets'

/**
 * Particle-aware span boundaries for Korean. A quick selection of "올트먼의" or
 * "삼성전자는" means the name, not the name with its case particle; this module
 * decides what to cut from the edges of a selection.
 *
 * The rule (documented in the README, tested on phrases from the seeds):
 * 1. Whitespace, brackets, quotes, dashes and sentence punctuation are trimmed
 *    from both ends; %, #, &, @, currency signs and emoji are kept. Trimming never
 *    leaves a bracket or quote without its partner (brackets.ts): a bracket at an edge
 *    whose partner is inside the selection stays (마이크로소프트(MS), (주)삼성전자), an
 *    unmatched one is cut, and a pair enclosing the whole selection is cut as a pair
 *    ((오픈AI) → 오픈AI).
 * 2. If the selection then ends in a particle (the longest match from PARTICLES,
 *    so 에서는 before 는) attached to a Hangul syllable, Latin letter or digit,
 *    the particle is trimmed unless one of these says the ending is part of the word:
 *    a. Allomorph agreement: 은/이/을/과/으로/이나 follow a final consonant
 *       (batchim), 는/가/를/와/로/나 a vowel (로 also ㄹ). "국가" keeps its 가
 *       because 국 ends in a consonant. After Latin letters or digits the
 *       pronunciation is unknown and either form is accepted (오픈AI가, 1월과).
 *    b. At least two characters must remain: 시도, 논의, 하나, 도로 stay whole.
 *    c. A number keeps 만 (400만 is a number, not "only 400").
 *    d. The word is a known word: a small built-in lexicon of words that end in a
 *       particle-like syllable (연평도, 회의, 손정의, …) plus the caller's vocabulary
 *       (e.g. every span text already labelled in the project).
 *    e. The document itself uses the whole word with a particle after it
 *       (카나나는, 솔라나의): then the ending belongs to the word.
 * 3. Only one particle (or combination such as 과의, 에서도) is trimmed.
 *
 * Offsets here are UTF-16 indexes into the text (the renderer's unit); callers
 * convert to code points at the API as everywhere else.
 */

/** Particles and common combinations, longest first so that 에서는 wins over 는. */
export const PARTICLES: readonly string[] = [
  '에서부터', '으로부터', '에게서는',
  '에서는', '에서도', '에서의', '에서만', '에게는', '에게도', '에게서', '께서는', '께서도', '으로는', '으로도',
  '으로서', '으로써', '으로의', '까지는', '까지도', '까지의', '부터는', '부터도', '와의', '과의',
  '에서', '에게', '께서', '으로', '부터', '까지', '이나', '처럼', '보다', '한테', '에는', '에도', '에의', '에만',
  '로는', '로도', '로서', '로써', '로의', '과는', '과도', '와는', '와도', '만은', '만을', '만이', '만의', '만도',
  '은', '는', '이', '가', '을', '를', '의', '에', '께', '와', '과', '도', '로', '만', '나'
].sort((a, b) => b.length - a.length)

/** Words that end in a particle-like syllable and are whole words (places, names, common nouns). */
export const KEEP_WHOLE: ReadonlySet<string> = new Set([
  '연평도', '제주도', '경기도', '강원도', '충청도', '전라도', '경상도', '울릉도', '독도', '인도', '거제도', '강화도',
  '회의', '동의', '논의', '합의', '협의', '정의', '주의', '의의', '건의', '결의', '심의', '문의', '토의', '혐의', '강의', '모의',
  '손정의', '정도', '속도', '태도', '온도', '한도', '제도', '용도', '지도', '각도', '강도', '시도', '의도', '부도',
  '효과', '결과', '성과', '통과', '초과', '사과', '학과', '도로', '경로', '미로', '가로', '세로',
  '국가', '평가', '작가', '전문가', '대가', '주가', '원가', '정가', '시가', '단가', '물가', '증가', '추가', '참가', '휴가',
  '하나', '바나나', '오메가', '두바이', '새너제이'
])

/** Whose final form a particle needs: after a consonant, after a vowel, or either. */
const AFTER_CONSONANT = new Set(['은', '이', '을', '과', '이나', '으로', '과의', '과는', '과도', '으로는', '으로도', '으로서', '으로써', '으로의', '으로부터'])
const AFTER_VOWEL = new Set(['는', '가', '를', '와', '나', '와의', '와는', '와도'])
/** 로 and its combinations follow a vowel or ㄹ. */
const RO = new Set(['로', '로는', '로도', '로서', '로써', '로의'])

/** Trimmed at the edges: spaces, brackets and quotes of every script, and sentence punctuation; not %, #, & or @. */
const PUNCT_OR_SPACE = /[\s\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Pd}.,!?;:·…'"、。，．！？：；]/u
const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/
const LATIN_OR_DIGIT = /[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/
const DIGIT = /[0-9\uFF10-\uFF19]/

export interface TrimOptions {
  /** Words known to be whole (e.g. texts of spans already labelled in the project). */
  vocabulary?: ReadonlySet<string>
  /**
   * The same as a question, for callers that cannot list their vocabulary cheaply (the core asks
   * its index whether the word is labelled anywhere in the document). Asked only when a particle
   * would otherwise be trimmed.
   */
  isKnown?: (word: string) => boolean
  /** Trim particles (the setting); whitespace and punctuation are trimmed regardless. Default true. */
  particles?: boolean
}

export interface Trimmed {
  start: number
  end: number
  /** What was cut from the start and from the end (shown briefly to the user). */
  cutBefore: string
  cutAfter: string
  /** The particle removed from the end, if any. */
  particle: string | null
}

/** Trims [start, end) of text (UTF-16 indexes) by the rule above. An all-punctuation selection comes back empty. */
export function trimSelection(text: string, start: number, end: number, options: TrimOptions = {}): Trimmed {
  let [s, e] = trimEdges(text, start, end)
  let particle: string | null = null
  if (options.particles !== false && e > s) {
    particle = particleAtEnd(text, s, e, options)
    if (particle) [s, e] = trimEdges(text, s, e - particle.length)
  }
  return { start: s, end: e, cutBefore: text.slice(start, s), cutAfter: text.slice(e, end), particle }
}

/**
 * Cuts spaces and punctuation from both ends of text[start, end), keeping a bracket or quote
 * whose partner is inside, and cutting a pair that encloses everything that is left.
 */
function trimEdges(text: string, start: number, end: number): [number, number] {
  let s = start
  let e = end
  for (;;) {
    const { partner } = matchBrackets(text, s, e)
    const [s0, e0] = [s, e]
    while (s < e && isTrimmable(text, s) && !partner.has(s)) s += charLength(text, s)
    while (e > s && isTrimmable(text, e - 1) && !partner.has(e - 1)) e -= charLengthBefore(text, e)
    if (s !== s0 || e !== e0) continue
    if (e - s >= 2 && partner.get(s) === e - 1) {
      s += 1
      e -= 1
      continue
    }
    return [s, e]
  }
}

/** The particle that ends text[start, end) and should be trimmed, or null. */
export function particleAtEnd(text: string, start: number, end: number, known: Pick<TrimOptions, 'vocabulary' | 'isKnown'> = {}): string | null {
  const word = text.slice(wordStart(text, start, end), end)
  if (KEEP_WHOLE.has(word)) return null
  const selected = text.slice(start, end)
  const isKnown = (w: string): boolean => known.vocabulary?.has(w) === true || known.isKnown?.(w) === true
  for (const p of PARTICLES) {
    if (end - start <= p.length || text.slice(end - p.length, end) !== p) continue
    const stemEnd = end - p.length
    const before = beforeParticle(text, start, stemEnd)
    if (!HANGUL_SYLLABLE.test(before) && !LATIN_OR_DIGIT.test(before)) continue
    if (stemEnd - wordStart(text, start, stemEnd) < 2) return null
    if (p.startsWith('만') && DIGIT.test(before)) return null
    if (!agrees(p, before)) continue
    // The costlier checks last, only for a particle that would otherwise go.
    if (usedWithParticle(text, word, start) || isKnown(word) || (selected !== word && isKnown(selected))) return null
    return p
  }
  return null
}

/**
 * The character a particle attaches to: the one before it, or for a closing bracket whose
 * opener is in the selection, the one before that opener (마이크로소프트(MS)가 agrees with 트).
 */
function beforeParticle(text: string, start: number, stemEnd: number): string {
  const last = text.charAt(stemEnd - 1)
  if (!isCloser(last)) return last
  const opener = matchBrackets(text, start, stemEnd).partner.get(stemEnd - 1)
  return opener !== undefined && opener > start ? text.charAt(opener - 1) : last
}

/** Allomorph agreement between a particle and the syllable before it (rule 2a). */
function agrees(particle: string, before: string): boolean {
  if (!HANGUL_SYLLABLE.test(before)) return true
  const final = (before.charCodeAt(0) - 0xac00) % 28
  if (AFTER_CONSONANT.has(particle)) return final !== 0 && !(particle.startsWith('으로') && final === 8)
  if (AFTER_VOWEL.has(particle)) return final === 0
  if (RO.has(particle)) return final === 0 || final === 8
  return true
}

/** First characters of the particles: most occurrences of a word are ruled out by the one character after them. */
const PARTICLE_STARTS = new Set(PARTICLES.map((p) => p.charAt(0)))

/**
 * Rule 2e: the whole word occurs elsewhere in the text directly followed by a particle. Only the
 * first 2,000 occurrences are looked at, so that this stays cheap in a long document (it runs at
 * the key press, in the renderer, as well as in the core).
 */
function usedWithParticle(text: string, word: string, skip: number): boolean {
  if (word.length < 2) return false
  let seen = 0
  for (let at = text.indexOf(word); at >= 0 && seen < 2000; at = text.indexOf(word, at + 1), seen++) {
    if (at === skip) continue
    const after = at + word.length
    if (!PARTICLE_STARTS.has(text.charAt(after))) continue
    if (at > 0 && !PUNCT_OR_SPACE.test(text.charAt(at - 1))) continue
    for (const p of PARTICLES) {
      if (!text.startsWith(p, after)) continue
      const next = text.charAt(after + p.length)
      if (next === '' || PUNCT_OR_SPACE.test(next)) return true
    }
  }
  return false
}

/**
 * The eojeol (the run of text between spaces and punctuation) that contains
 * [start, end), as a double-click should select it: browsers break words where
 * the script changes, so 오픈AI가 would otherwise come back as "AI".
 */
export function eojeolAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  let e = Math.max(end, start)
  while (s > 0 && !isTrimmable(text, s - 1)) s--
  while (e < text.length && !isTrimmable(text, e)) e++
  return { start: s, end: e }
}

/** Start of the last eojeol (space-separated word) in text[start, end). */
function wordStart(text: string, start: number, end: number): number {
  let i = end
  while (i > start && !/\s/.test(text.charAt(i - 1))) i--
  return i
}

/** Whether the character at UTF-16 index i is a space or punctuation (a word edge). */
export function isTrimmable(text: string, i: number): boolean {
  return PUNCT_OR_SPACE.test(String.fromCodePoint(text.codePointAt(i) ?? 0))
}

export function charLength(text: string, i: number): number {
  return (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1
}

export function charLengthBefore(text: string, end: number): number {
  const c = text.charCodeAt(end - 1)
  return c >= 0xdc00 && c <= 0xdfff && end >= 2 ? 2 : 1
}
