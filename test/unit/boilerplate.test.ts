import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectBoilerplate } from '../../src/shared/boilerplate'

const seed = (id: string): string => readFileSync(join(__dirname, '..', '..', 'seeds', `${id}.txt`), 'utf8')
const SEEDS = ['000_2f535eeb48f059c6', '001_2d6efb4355ea70ef', '002_350a00930be01512', '003_b69184515e3eb931', '004_2546148ec63b8380']

/** The text of each line (1-based) that some region covers. */
function flaggedLines(text: string): Map<number, string> {
  const lines = text.split('\n')
  const out = new Map<number, string>()
  for (const r of detectBoilerplate(text)) for (let n = r.lines[0]; n <= r.lines[1]; n++) out.set(n, lines[n - 1] as string)
  return out
}
/** Whether the first line equal to `line` is flagged (a later copy of it may be, as a repeat). */
const isFlagged = (text: string, line: string): boolean => flaggedLines(text).has(text.split('\n').indexOf(line) + 1)

describe('detectBoilerplate on the seeds', () => {
  it('finds the regions of each seed, as whole lines merged across blank lines', () => {
    const lines = SEEDS.map((id) => detectBoilerplate(seed(id)).map((r) => r.lines))
    expect(lines).toEqual([
      [[1, 1], [30, 52]],
      [[3, 12], [18, 18], [29, 29], [44, 106]],
      [[1, 1], [7, 64], [67, 67], [87, 137]],
      [[2, 2], [5, 6], [16, 26]],
      [[2, 5], [15, 66]]
    ])
  })

  it('gives code point offsets that cover whole lines without the last line break', () => {
    for (const id of SEEDS) {
      const text = seed(id)
      const cps = [...text]
      const lines = text.split('\n')
      for (const r of detectBoilerplate(text)) {
        const covered = cps.slice(r.start, r.end).join('')
        expect(covered).toBe(lines.slice(r.lines[0] - 1, r.lines[1]).join('\n'))
      }
    }
  })

  it('says why: the board table of 000, the related headlines and copyright of 003, the newsletter of 002', () => {
    const reasons = (id: string) => detectBoilerplate(seed(id)).map((r) => r.reason)
    expect(reasons('000_2f535eeb48f059c6')[1]).toContain('board table')
    expect(reasons('003_b69184515e3eb931')[2]).toBe('copyright; related headlines')
    expect(reasons('002_350a00930be01512')[3]).toContain('newsletter')
    expect(reasons('001_2d6efb4355ea70ef')[0]).toBe('published; menu')
  })

  it('flags the typical boilerplate lines', () => {
    expect(isFlagged(seed('000_2f535eeb48f059c6'), '메뉴 건너뛰기')).toBe(true)
    expect(isFlagged(seed('000_2f535eeb48f059c6'), '번호 제목 글쓴이 날짜')).toBe(true)
    expect(isFlagged(seed('001_2d6efb4355ea70ef'), '  • 가장작게')).toBe(true)
    expect(isFlagged(seed('002_350a00930be01512'), '글자 크기')).toBe(true)
    expect(isFlagged(seed('002_350a00930be01512'), '뉴스레터 구독')).toBe(true)
    expect(isFlagged(seed('003_b69184515e3eb931'), 'Copyright © 매일경제 & mk.co.kr. 무단 전재, 재배포 및 AI학습 이용 금지')).toBe(true)
    expect(isFlagged(seed('003_b69184515e3eb931'), '- “가족오락관 몇대 몇!” 외치던 그녀, 국힘 간판 달고 총선 나간다 - 매일경제')).toBe(true)
    expect(isFlagged(seed('004_2546148ec63b8380'), '▷ 이메일 : kbs1234@kbs.co.kr')).toBe(true)
  })

  it('never flags an article sentence, a headline or a subtitle', () => {
    const article: [string, string][] = [
      ['000_2f535eeb48f059c6', '한국을 방문 중인 샘 올트먼 오픈AI 최고경영자(CEO)가 4일 삼성전자·SK하이닉스·카카오 등 IT 기업 최고경영진을 잇따라 만난다.'],
      ['000_2f535eeb48f059c6', '이날 회동엔 곽노정 SK하이닉스 대표이사 사장, 유영상 SK텔레콤 대표이사 사장이 배석했다.'],
      ['001_2d6efb4355ea70ef', '최태원 SK그룹 회장, 미국서 샘 올트먼·사티아 나델라와 회동'],
      ['001_2d6efb4355ea70ef', 'SK AI 생태계 협업 모색'],
      ['001_2d6efb4355ea70ef', '▲샘 올트먼 오픈AI CEO와 만난 최태원 SK그룹 회장 (최태원 회장 SNS 캡쳐)'],
      ['002_350a00930be01512', '올트먼의 광폭 행보···딥시크 충격 속 ‘오픈AI 중심’ 생태계 구축 시도'],
      ['002_350a00930be01512', '올트먼 CEO는 전날 일본, 이날 한국에 이어 인도, 두바이, 독일을 순차적으로 방문할 예정이다.'],
      ['003_b69184515e3eb931', '점심도 저녁도 … 19시간 방한 올트먼, 경계현 삼성사장과 \'두끼 회동\''],
      ['003_b69184515e3eb931', '최태원 SK그룹 회장도 만나'],
      ['003_b69184515e3eb931', '[최승진 기자 / 오찬종 기자 / 성승훈 기자]'],
      ['004_2546148ec63b8380', '최태원 SK그룹 회장이 지난주 샘 올트먼 오픈AI 최고경영자(CEO)와 회동해 인공지능(AI) 인프라 투자 등 폭넓은 협력 관계를 논의했습니다.'],
      ['004_2546148ec63b8380', '지난 2월 서울에서 회동한 지 5달 만입니다.']
    ]
    for (const [id, line] of article) {
      const text = seed(id)
      expect(text.split('\n')).toContain(line)
      expect(isFlagged(text, line), `${id}: ${line}`).toBe(false)
    }
    // The first copy of 004's body stays article text; only the repeats are flagged.
    const text = seed('004_2546148ec63b8380')
    const first = text.split('\n').indexOf('지난 2월 서울에서 회동한 지 5달 만입니다.') + 1
    expect(flaggedLines(text).has(first)).toBe(false)
  })

  it('finds nothing in plain article text and counts astral characters as one', () => {
    expect(detectBoilerplate('샘 올트먼이 서울에 왔다.\n\n최 회장과 만났다.')).toEqual([])
    const text = '😀 기사 본문입니다.\nCopyright © 어느신문'
    const [r] = detectBoilerplate(text)
    expect(r).toMatchObject({ start: 12, end: [...text].length, reason: 'copyright', lines: [2, 2] })
  })
})
