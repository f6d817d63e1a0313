/**
 * Suggests the parts of a scraped news page that are not article text
 * (boilerplate): menus, related-headline lists, board tables, copyright and
 * newsletter blurbs. Pure and line-based: each line is tested against the
 * rules below, flagged lines separated only by blank lines merge into one
 * region, and regions cover whole lines (without the last line's break).
 *
 * The rules, each with an example from seeds/ (the five sample articles):
 * - menu: a line that is only a page control: "메뉴 건너뛰기" (000), "공유하기",
 *   "글자 크기", "컬러 모드", "닫기", "댓글" (002), "펼치기/접기" (002).
 * - font-size: the font-size menu and its preview, "이 글자크기로 변경됩니다." and
 *   "(예시) 가장 빠른 뉴스가 있고 …" (003), "가 가 가".
 * - bullets: "•" items: short ones are menu items ("• 가장작게" 001, "• 카카오톡" 002,
 *   "• AD" 002); runs of three or more are lists ("• 필카부터 네 컷까지…" headlines and
 *   the crypto ticker in 001).
 * - related headlines: runs of two or more lines starting with "- " that are not
 *   sentences: "- “대기업에 합쳐져서 좋아했는데”…1900명 ‘기습 해고’ 나선 미국 회사 - 매일경제" (003).
 * - board table: the header "번호 제목 글쓴이 날짜" and the rows after it,
 *   "46923 ‘부정선거론’ … 랭크뉴스 2025.02.04" (000).
 * - copyright: "Copyright © 매일경제 & mk.co.kr. 무단 전재, 재배포 및 AI학습 이용 금지" (003).
 * - newsletter: subscription and consent blurbs, "뉴스레터 구독", "개인정보 수집 및 이용",
 *   "'광고 동의'를 눌러 주세요" (002), "KBS뉴스를 구독해주세요!" (004).
 * - notice: reader notices, "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다." (003),
 *   "인공지능 기술로 자동 요약된 내용입니다…" (002), "읽어주기 기능은 크롬기반의" (004).
 * - published: time stamps, "입력 2024-06-27 14:00 수정 2024-06-27 14:01" (001), "수정 2025.02.04 20:24" (002).
 * - masthead: a line that is only a publisher's name: "경향신문" (002), "한경비즈니스" (000).
 * - tip-off and reactions: "■ 제보하기", "▷ 전화 : 02-781-1234" (004), "좋아요0", "응원해요" (001, 004),
 *   "정재우 기자의 기사 모음" (004), a lone "-" or "0".
 * - repeated: a line of ten or more characters that already appeared above: the scraper
 *   copied the body of 004 three more times and every photo caption of 001 twice.
 *
 * Offsets of the result are code points, end exclusive, as everywhere in the API.
 */

import { OffsetMap } from './offsets'

export interface BoilerplateRegion {
  start: number
  end: number
  /** Why, for a person: the rules that flagged its lines, e.g. "related headlines; copyright". */
  reason: string
  /** First and last line (1-based) of the region. */
  lines: [number, number]
}

interface Line {
  /** UTF-16 offsets of the line without its break. */
  start: number
  end: number
  text: string
}

const MENU_WORDS = new Set([
  '메뉴 건너뛰기', '본문 바로가기', '완독', '공유하기', '공유', '보기 설정', '글자 크기', '글자크기', '컬러 모드', '본문 요약', '내 뉴스플리에 저장',
  '펼치기/접기', '닫기', '보기', '댓글', '인쇄', '스크랩', '가 가 가', '가장작게', '작게', '기본', '크게', '가장크게', '보통', '아주 크게',
  '라이트', '다크', '베이지', '그린', '카카오톡', '페이스북', 'X', '이메일', '트위터', '링크 복사', 'URL 복사', '기사 저장', '번역', '음성으로 듣기',
  '주요 뉴스', '많이 본 뉴스', '관련 기사', '관련기사', '추천 기사', '실시간 암호화폐 시세', '이 기사가 좋으셨다면', 'AD', '광고'
])

const REACTIONS = /^(좋아요|화나요|슬퍼요|응원해요|후속 ?원해요|추가취재 ?원해요|훈훈해요|놀랐어요|최고예요)\s*\d*$/
const RULES: readonly { reason: string; test: RegExp }[] = [
  { reason: 'font-size menu', test: /글자\s?크기로|^\(예시\)|^가 가 가/ },
  { reason: 'copyright', test: /무단\s?전재|재배포\s?(및|금지)|ⓒ|©|copyright|저작권자/i },
  {
    reason: 'newsletter',
    test: /뉴스레터|구독(해\s?주세요|하기|이 완료)|개인정보\s?(수집|이용|보유|취급)|광고\s?동의|광고성 정보|동의를 거부|선택 항목에 대한 동의/
  },
  { reason: 'notice', test: /본문 보기를 권장|자동 요약된 내용|본문과 함께 읽는|읽어주기 기능|브라우저에서만 사용하실|^\(제공\s?=|기사에 대한 의견을/ },
  { reason: 'published', test: /^(입력|수정|기사입력|최종수정)\s?:?\s?\d{4}[.-]\d{1,2}[.-]\d{1,2}/ },
  { reason: 'tip-off', test: /^■\s?제보|^▷.*(:|구독)|기자의 기사 모음|^\S+ 기자 [\w.+-]+@[\w.-]+$/ },
  { reason: 'photo credit', test: /^\[사진 출처\s?:/ },
  { reason: 'market data', test: /^\*?\s?24시간 변동률|장종료$/ }
]
const MASTHEAD = /^\S{2,10}(신문|뉴스|일보|경제|비즈니스|방송|타임스|미디어)$/
const BULLET = /^\s*[•·▪◦]\s*/
const DASH = /^\s*-(\s|$)/
const SENTENCE_END = /(다|요|죠)[.!?]?["”’']?\s*$/
const BOARD_HEADER = /^\s*번호\s+제목\s+(글쓴이|작성자)\s+(날짜|작성일|등록일)/
const BOARD_ROW = /^\s*\d+\s.+\s\d{4}[.-]\d{2}[.-]\d{2}\s*$/

/** The regions of `text` that look like boilerplate, in document order. */
export function detectBoilerplate(text: string): BoilerplateRegion[] {
  const lines = splitLines(text)
  const reasons: (string | null)[] = lines.map((l) => lineReason(l.text))
  markRepeats(lines, reasons)
  markBoard(lines, reasons)
  markRuns(lines, reasons, (t) => BULLET.test(t), 'list', 3)
  markRuns(lines, reasons, (t) => DASH.test(t) && !SENTENCE_END.test(t), 'related headlines', 2)
  return merge(text, lines, reasons)
}

function lineReason(line: string): string | null {
  const t = line.trim()
  if (t === '') return null
  const bare = t.replace(BULLET, '').trim()
  if (MENU_WORDS.has(bare) || REACTIONS.test(bare) || /^[-0]$/.test(bare)) return 'menu'
  for (const rule of RULES) if (rule.test.test(bare)) return rule.reason
  if (MASTHEAD.test(bare)) return 'masthead'
  // A short bullet item that is not a sentence: a menu entry ("• 가장작게", "• 85,856,000").
  if (BULLET.test(t) && [...bare].length <= 20 && !SENTENCE_END.test(bare)) return 'menu'
  return null
}

/** Lines of 10+ characters that already appeared above (scraped twice). */
function markRepeats(lines: readonly Line[], reasons: (string | null)[]): void {
  const seen = new Set<string>()
  lines.forEach((l, i) => {
    const t = l.text.trim()
    if ([...t].length < 10) return
    if (seen.has(t)) reasons[i] ??= 'repeated'
    else seen.add(t)
  })
}

/** A board table: its header line and the numbered rows with a date after it. */
function markBoard(lines: readonly Line[], reasons: (string | null)[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (!BOARD_HEADER.test((lines[i] as Line).text)) continue
    reasons[i] = 'board table'
    for (let j = i + 1; j < lines.length; j++) {
      const t = (lines[j] as Line).text
      if (t.trim() === '') continue
      if (!BOARD_ROW.test(t)) break
      reasons[j] = 'board table'
      i = j
    }
  }
}

/** Runs of `min`+ lines that pass `test` (blank lines between them allowed) are flagged with `reason`. */
function markRuns(lines: readonly Line[], reasons: (string | null)[], test: (t: string) => boolean, reason: string, min: number): void {
  let run: number[] = []
  const flush = (): void => {
    if (run.length >= min) for (const i of run) reasons[i] ??= reason
    run = []
  }
  lines.forEach((l, i) => {
    if (l.text.trim() === '') return
    if (test(l.text)) run.push(i)
    else flush()
  })
  flush()
}

/** Flagged lines separated only by blank lines become one region; offsets turn into code points. */
function merge(text: string, lines: readonly Line[], reasons: readonly (string | null)[]): BoilerplateRegion[] {
  const map = OffsetMap.of(text)
  const out: BoilerplateRegion[] = []
  let cur: { first: number; last: number; why: string[] } | null = null
  const close = (): void => {
    if (!cur) return
    const a = lines[cur.first] as Line
    const b = lines[cur.last] as Line
    out.push({ start: map.toCodePoint(a.start), end: map.toCodePoint(b.end), reason: cur.why.join('; '), lines: [cur.first + 1, cur.last + 1] })
    cur = null
  }
  lines.forEach((l, i) => {
    const why = reasons[i]
    if (why) {
      if (cur) cur.last = i
      else cur = { first: i, last: i, why: [] }
      if (!cur.why.includes(why)) cur.why.push(why)
    } else if (l.text.trim() !== '') close()
  })
  close()
  return out.filter((r) => r.end > r.start)
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  while (start <= text.length) {
    const nl = text.indexOf('\n', start)
    const end = nl === -1 ? text.length : nl
    const trimmedEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end
    lines.push({ start, end: trimmedEnd, text: text.slice(start, trimmedEnd) })
    if (nl === -1) break
    start = nl + 1
  }
  return lines
}
