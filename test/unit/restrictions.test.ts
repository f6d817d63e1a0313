import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findTrainingRestriction } from '../../src/shared/restrictions'

const seed = (id: string) => readFileSync(join(__dirname, '..', '..', 'seeds', `${id}.txt`), 'utf8')

describe('findTrainingRestriction', () => {
  it('finds the notice in seed 003 and none in the other seeds', () => {
    expect(findTrainingRestriction(seed('003_b69184515e3eb931'))).toBe('AI학습 이용 금지')
    for (const id of ['000_2f535eeb48f059c6', '001_2d6efb4355ea70ef', '002_350a00930be01512', '004_2546148ec63b8380']) {
      expect(findTrainingRestriction(seed(id)), id).toBeNull()
    }
  })

  it('knows common wordings and ignores articles that merely talk about AI training', () => {
    expect(findTrainingRestriction('ⓒ 한국경제, 무단전재 및 재배포, AI 학습 활용 금지')).toBe('AI 학습 활용 금지')
    expect(findTrainingRestriction('인공지능 학습 이용 불가')).toBe('인공지능 학습 이용 불가')
    expect(findTrainingRestriction('This article may not be used for training AI models.')).not.toBeNull()
    expect(findTrainingRestriction('오픈AI는 AI 학습용 데이터센터를 짓는다. 규제 금지 논의도 있다.')).toBeNull()
    expect(findTrainingRestriction('The company trains AI models on licensed news.')).toBeNull()
  })
})
