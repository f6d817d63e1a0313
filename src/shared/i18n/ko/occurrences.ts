import type { Catalogue } from '../catalogue'
import type { occurrences as en } from '../en/occurrences'

export const occurrences: Catalogue<typeof en> = {
  title: '모든 출현 위치',
  target: '<strong>“{{text}}”</strong>의 출현 위치 (단독 또는 조사가 붙은 형태: 은/는/의/과…).',
  where: '범위',
  scope: { document: '이 문서', open: '열린 문서', corpus: '전체 말뭉치' },
  labelAs: '붙일 라벨',
  searching: '찾는 중…',
  list: '출현 위치: 화살표로 이동, Space로 선택/해제, Enter로 선택한 항목에 라벨 붙이기',
  checkAll: '모두 선택',
  checkNone: '모두 해제',
  labelling: '라벨 붙이는 중…',
  run: '{{count}}개에 {{label}} 라벨 붙이기',
  occurrence_other: '{{n}}건',
  document_other: '{{count}}개',
  found: '문서 {{searched}} 중 {{documents}}개에서 {{occurrences}}',
  already: '{{count}}건은 이미 {{label}} (목록에서 제외)',
  ignored: '{{count}}건은 본문이 아닌 영역에 있음 (목록에서 제외)',
  more: '목록은 5,000건까지입니다. 이것들에 라벨을 붙인 뒤 다시 찾으세요',
  separator: '; ',
  end: '.',
  alreadyLabel: '이미 {{label}}',
  insideLabel: '{{label}} 스팬 안'
}
