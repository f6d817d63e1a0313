/**
 * Dates as Korean news writes them ("2025.02.04", "2025년 2월 4일", "4일", "지난해 1월",
 * "이날", "지난주"), normalised to a calendar date with the help of the article's own date.
 * Pure: no Node, no DOM.
 */

/** How much of the date the text gives: 'week' is the Monday of the week meant ("지난주"). */
export type DatePrecision = 'day' | 'week' | 'month' | 'year'

export interface NormalisedDate {
  /** YYYY-MM-DD; for month precision the 1st, for year precision January 1st. Null when the text gives no date. */
  date: string | null
  precision: DatePrecision | null
  /** How the date was worked out, or why it could not be, for people. */
  how: string
}

export interface DateContext {
  /** The article's publication date, YYYY-MM-DD, or null when unknown. */
  articleDate: string | null
}

interface Ymd {
  y: number
  m: number
  d: number
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const iso = ({ y, m, d }: Ymd) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
const isDate = ({ y, m, d }: Ymd) => y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)

function parseIso(s: string | null): Ymd | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null
  if (!m) return null
  const v = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
  return isDate(v) ? v : null
}

function addDays(v: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(v.y, v.m - 1, v.d + n))
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

const day = (v: Ymd, how: string): NormalisedDate =>
  isDate(v) ? { date: iso(v), precision: 'day', how } : { date: null, precision: null, how: `${v.m}월 ${v.d}일 of ${v.y} is not a date on the calendar` }
const month = (y: number, m: number, how: string): NormalisedDate =>
  m >= 1 && m <= 12 ? { date: iso({ y, m, d: 1 }), precision: 'month', how } : { date: null, precision: null, how: `there is no month ${m}` }
const none = (how: string): NormalisedDate => ({ date: null, precision: null, how })

/** Years named relative to the article: 지난해 = the year before. */
const RELATIVE_YEARS: Record<string, number> = { 재작년: -2, 지난해: -1, 작년: -1, 전년: -1, 올해: 0, 금년: 0, 내년: 1 }
/** Days named relative to the article: 이날 = the article's day. */
const RELATIVE_DAYS: Record<string, number> = { 그제: -2, 그저께: -2, 어제: -1, 전날: -1, 이날: 0, 오늘: 0, 당일: 0, 내일: 1 }

const NEEDS_ARTICLE = 'needs the article\'s date, which was not found in the article'

/** Normalises one date phrase (the text of a DATE span). */
export function normaliseDate(text: string, context: DateContext): NormalisedDate {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim()
  const art = parseIso(context.articleDate)

  // Written out in full: 2025.02.04, 2025-02-04, 2025/2/4, 2025. 2. 4.
  let m = /(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})/.exec(t)
  if (m) return day({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, 'written in full')
  m = /(\d{4})\s*년\s*(?:(\d{1,2})\s*월\s*(?:(\d{1,2})\s*일)?)?/.exec(t)
  if (m) {
    const y = Number(m[1])
    if (m[3]) return day({ y, m: Number(m[2]), d: Number(m[3]) }, 'written in full')
    if (m[2]) return month(y, Number(m[2]), 'year and month written out')
    return { date: iso({ y, m: 1, d: 1 }), precision: 'year', how: 'only the year is written' }
  }

  if (/같은\s?해/.test(t)) return none('"같은 해" means a year named earlier in the article; link the earlier date instead')

  // 지난해 1월, 올해 4월, 작년: a year relative to the article's.
  m = /(재작년|지난해|작년|전년|올해|금년|내년)\s*(?:(\d{1,2})\s*월\s*(?:(\d{1,2})\s*일)?)?/.exec(t)
  if (m) {
    if (!art) return none(`"${m[1]}" ${NEEDS_ARTICLE}`)
    const y = art.y + (RELATIVE_YEARS[m[1]!] ?? 0)
    const how = `${m[1]} = ${y} (article dated ${iso(art)})`
    if (m[3]) return day({ y, m: Number(m[2]), d: Number(m[3]) }, how)
    if (m[2]) return month(y, Number(m[2]), how)
    return { date: iso({ y, m: 1, d: 1 }), precision: 'year', how }
  }

  // 2월 4일, 지난 2월, 1월: the article's year, or the year before when the month is still to come.
  m = /(지난\s*)?(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?/.exec(t)
  if (m) {
    if (!art) return none(`"${m[0]}" ${NEEDS_ARTICLE}`)
    const mm = Number(m[2])
    const dd = m[3] ? Number(m[3]) : null
    const later = m[1] ? mm > art.m || (mm === art.m && (dd === null || dd >= art.d)) : mm > art.m || (mm === art.m && dd !== null && dd > art.d)
    const y = later ? art.y - 1 : art.y
    const how = later ? `after the article's date (${iso(art)}), so the year before` : `the article's year (${art.y})`
    return dd === null ? month(y, mm, how) : day({ y, m: mm, d: dd }, how)
  }

  // 이날, 오늘(21일), 어제, 전날.
  m = /(그저께|그제|어제|전날|이날|오늘|당일|내일)/.exec(t)
  if (m) {
    if (!art) return none(`"${m[1]}" ${NEEDS_ARTICLE}`)
    const n = RELATIVE_DAYS[m[1]!] ?? 0
    return day(addDays(art, n), n === 0 ? `the article's date` : `${Math.abs(n)} day${Math.abs(n) > 1 ? 's' : ''} ${n < 0 ? 'before' : 'after'} the article's date (${iso(art)})`)
  }

  // 4일, 지난 25일: the article's month, or the month before when the day is still to come.
  m = /(지난\s*)?(\d{1,2})\s*일/.exec(t)
  if (m) {
    if (!art) return none(`"${m[0]}" ${NEEDS_ARTICLE}`)
    const dd = Number(m[2])
    const later = m[1] ? dd >= art.d : dd > art.d
    let y = art.y
    let mm = art.m
    if (later) {
      mm -= 1
      if (mm === 0) {
        mm = 12
        y -= 1
      }
    }
    const how = later ? `after the article's day (${iso(art)}), so the month before` : `the article's month (${iso(art).slice(0, 7)})`
    return day({ y, m: mm, d: dd }, how)
  }

  if (/지난\s?달|전월/.test(t) || /이\s?달|이번\s?달/.test(t)) {
    if (!art) return none(`"${t}" ${NEEDS_ARTICLE}`)
    const back = /지난\s?달|전월/.test(t) ? 1 : 0
    const mm = art.m - back
    const v = mm === 0 ? { y: art.y - 1, m: 12 } : { y: art.y, m: mm }
    return month(v.y, v.m, back ? `the month before the article's (${iso(art)})` : `the article's month`)
  }

  if (/지난\s?주|이번\s?주|다음\s?주/.test(t)) {
    if (!art) return none(`"${t}" ${NEEDS_ARTICLE}`)
    const shift = /지난\s?주/.test(t) ? -7 : /다음\s?주/.test(t) ? 7 : 0
    const weekday = (new Date(Date.UTC(art.y, art.m - 1, art.d)).getUTCDay() + 6) % 7 // Monday = 0
    const monday = addDays(art, shift - weekday)
    return { date: iso(monday), precision: 'week', how: `the week of ${iso(monday)} (article dated ${iso(art)})` }
  }

  return none(`"${t}" is not a date this tool can read`)
}

const PUBLISHED = /(기사입력|입력|등록)\s*[:：]?\s*(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})/
const EDITED = /(수정)\s*[:：]?\s*(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})/
const ANY_DATE = /(^|[^\d])((?:19|20)\d{2})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?!\d)/

/**
 * The publication date of a news article, YYYY-MM-DD, or null: the first 입력/등록 date,
 * else the first 수정 date, else the first full date written anywhere in the text.
 */
export function articleDateOf(text: string): string | null {
  for (const re of [PUBLISHED, EDITED, ANY_DATE]) {
    const m = re.exec(text)
    if (!m) continue
    const v = { y: Number(m[2]), m: Number(m[3]), d: Number(m[4]) }
    if (isDate(v)) return iso(v)
  }
  return null
}
