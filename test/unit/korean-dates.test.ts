import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleDateOf, normaliseDate } from '../../src/shared/korean/dates'

const seed = (id: string) => readFileSync(join(__dirname, '..', '..', 'seeds', `${id}.txt`), 'utf8')
const norm = (text: string, articleDate: string | null) => normaliseDate(text, { articleDate })
const at = (text: string, articleDate: string | null) => {
  const r = norm(text, articleDate)
  return [r.date, r.precision]
}

describe('articleDateOf', () => {
  it('finds each seed article\'s publication date, preferring 입력 over 수정 and over dates in the text', () => {
    expect(articleDateOf(seed('000_2f535eeb48f059c6'))).toBe('2025-02-04') // no 입력 line: the first full date (the board listing)
    expect(articleDateOf(seed('001_2d6efb4355ea70ef'))).toBe('2024-06-27') // 입력 2024-06-27 14:00
    expect(articleDateOf(seed('002_350a00930be01512'))).toBe('2025-02-04') // 입력 2025.02.04 16:34
    expect(articleDateOf(seed('003_b69184515e3eb931'))).toBeNull() // the article carries no date at all
    expect(articleDateOf(seed('004_2546148ec63b8380'))).toBe('2025-07-21') // 입력 2025.07.21 (20:03)
  })
  it('prefers 입력/등록 to an earlier 수정 or an earlier date in the body', () => {
    expect(articleDateOf('수정 2024-03-02 10:00\n본문 2023.01.01\n기사입력 2024-03-01 09:00')).toBe('2024-03-01')
    expect(articleDateOf('등록 2024.5.6 수정 2024.5.7')).toBe('2024-05-06')
    expect(articleDateOf('수정2025-07-21 20:21:21')).toBe('2025-07-21')
    expect(articleDateOf('날짜 없음, 번호 12345.67.89')).toBeNull()
  })
})

describe('normaliseDate on every date phrase in the seeds', () => {
  it('000 (dated 2025-02-04): 4일, 이날, 전날, 지난해 1월, 같은 해 6월, 2025.02.04', () => {
    const d = '2025-02-04'
    expect(at('4일', d)).toEqual(['2025-02-04', 'day'])
    expect(at('이날', d)).toEqual(['2025-02-04', 'day'])
    expect(at('전날', d)).toEqual(['2025-02-03', 'day'])
    expect(at('지난해 1월', d)).toEqual(['2024-01-01', 'month'])
    expect(norm('지난해 1월', d).how).toContain('2024')
    expect(at('1월', d)).toEqual(['2025-01-01', 'month'])
    expect(at('6월', d)).toEqual(['2024-06-01', 'month']) // after February: the year before
    const same = norm('같은 해 6월', d)
    expect(same.date).toBeNull()
    expect(same.how).toContain('같은 해')
    expect(at('2025.02.04', d)).toEqual(['2025-02-04', 'day'])
  })
  it('001 (dated 2024-06-27): 27일, 22일, 6일, 올해 4월, 7월, 오늘, 2024-06-27', () => {
    const d = '2024-06-27'
    expect(at('27일', d)).toEqual(['2024-06-27', 'day'])
    expect(at('22일', d)).toEqual(['2024-06-22', 'day'])
    expect(at('6일', d)).toEqual(['2024-06-06', 'day'])
    expect(at('올해 4월', d)).toEqual(['2024-04-01', 'month'])
    expect(at('7월', d)).toEqual(['2023-07-01', 'month']) // a month still to come is read as last year's
    expect(at('오늘', d)).toEqual(['2024-06-27', 'day'])
    expect(at('2024-06-27', d)).toEqual(['2024-06-27', 'day'])
  })
  it('002 (dated 2025.02.04): 4일, 이날', () => {
    expect(at('4일', '2025-02-04')).toEqual(['2025-02-04', 'day'])
    expect(at('이날', '2025-02-04')).toEqual(['2025-02-04', 'day'])
  })
  it('003 (no date in the article): 지난 25일, 26일, 25일, 이날, 3일 cannot be placed; with a date they can', () => {
    for (const t of ['지난 25일', '26일', '25일', '이날', '3일', '올해']) {
      const r = norm(t, null)
      expect(r.date, t).toBeNull()
      expect(r.how).toContain('article')
    }
    expect(at('지난 25일', '2024-01-26')).toEqual(['2024-01-25', 'day'])
    expect(at('26일', '2024-01-26')).toEqual(['2024-01-26', 'day'])
  })
  it('004 (dated 2025.07.21, a Monday): 지난주, 지난주 초, 오늘(21일), 21일, 지난 2월, 2월, 지난해 1월', () => {
    const d = '2025-07-21'
    expect(at('지난주', d)).toEqual(['2025-07-14', 'week'])
    expect(at('지난주 초', d)).toEqual(['2025-07-14', 'week'])
    expect(at('오늘(21일)', d)).toEqual(['2025-07-21', 'day'])
    expect(at('21일', d)).toEqual(['2025-07-21', 'day'])
    expect(at('지난 2월', d)).toEqual(['2025-02-01', 'month'])
    expect(at('2월', d)).toEqual(['2025-02-01', 'month'])
    expect(at('지난해 1월', d)).toEqual(['2024-01-01', 'month'])
  })
})

describe('normaliseDate edge cases', () => {
  it('reads dates written in full in every common way', () => {
    expect(at('2025-02-04', null)).toEqual(['2025-02-04', 'day'])
    expect(at('2025. 2. 4.', null)).toEqual(['2025-02-04', 'day'])
    expect(at('2025년 2월 4일', null)).toEqual(['2025-02-04', 'day'])
    expect(at('2025년 2월', null)).toEqual(['2025-02-01', 'month'])
    expect(at('2024년', null)).toEqual(['2024-01-01', 'year'])
    expect(at('2월 4일', '2025-07-21')).toEqual(['2025-02-04', 'day'])
  })
  it('wraps a day after the article\'s day into the month before, across a year', () => {
    expect(at('28일', '2025-03-02')).toEqual(['2025-02-28', 'day'])
    expect(at('31일', '2025-01-05')).toEqual(['2024-12-31', 'day'])
    expect(at('지난 5일', '2025-01-05')).toEqual(['2024-12-05', 'day']) // 지난 N일 on the article's own day means a month ago
    expect(at('어제', '2025-01-01')).toEqual(['2024-12-31', 'day'])
    expect(at('12월 30일', '2025-01-02')).toEqual(['2024-12-30', 'day'])
    expect(at('지난달', '2025-01-15')).toEqual(['2024-12-01', 'month'])
    expect(at('지난달', '2025-07-21')).toEqual(['2025-06-01', 'month'])
    expect(at('지난 1월', '2025-01-20')).toEqual(['2024-01-01', 'month'])
  })
  it('refuses dates that are not on the calendar and says why', () => {
    const feb30 = norm('2월 30일', '2025-07-21')
    expect(feb30).toMatchObject({ date: null, precision: null })
    expect(feb30.how).toContain('not a date')
    expect(norm('2025.02.30', null).date).toBeNull()
    expect(norm('2024년 2월 29일', null).date).toBe('2024-02-29')
    expect(norm('31일', '2025-03-05').date).toBeNull() // the month before (February) has no 31st
    expect(norm('13월', '2025-03-05').date).toBeNull()
  })
  it('says when a phrase is not a date', () => {
    const r = norm('회동', '2025-02-04')
    expect(r.date).toBeNull()
    expect(r.how).toContain('not a date')
  })
})
