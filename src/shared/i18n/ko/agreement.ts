import type { Catalogue } from '../catalogue'
import type { agreement as en } from '../en/agreement'

export const agreement: Catalogue<typeof en> = {
  title: '일치도',
  annotators: '주석자',
  documents: '문서',
  documentsMeasured: '측정할 문서',
  allDocuments: '모든 문서',
  pickTwo: '주석자를 두 명 이상 고르세요.',
  exactF1: '정확 일치 F1',
  overlapF1: '겹침 F1',
  kappaChars: 'Cohen κ (글자 단위)',
  alphaU: 'Krippendorff αu',
  byPair: '주석자 쌍별 일치도',
  pair: '쌍',
  spans: '스팬',
  exactMatches: '정확 일치 수',
  byDocument: '문서별 일치도 (낮은 순)',
  document: '문서',
  spansOf: '스팬 ({{names}})',
  reviewDoc: '{{docId}} 검토',
  perLabel: '라벨별 일치도',
  perLabelCaption: '라벨별 정확 일치 F1, 겹침 F1, Cohen κ (주석자 쌍 평균).',
  confusion: '라벨 혼동 행렬',
  confusionCaption: '모든 주석자 쌍에서 짝지어진 스팬 쌍: 대각선은 일치, 나머지는 라벨이 바뀌었거나 빠진 경우입니다.',
  none: '∅ 없음',
  links: '링크 일치도',
  linksCaption: '링크: (회의, 역할, 대상) 삼중항의 정확 일치 F1, 쌍 평균',
  role: '역할',
  linksOf: '링크 ({{names}})',
  matched: '일치 (쌍별)',
  allRoles: '모든 역할'
}
