import type { Catalogue } from '../catalogue'
import type { search as en } from '../en/search'

export const search: Catalogue<typeof en> = {
  region: '모든 문서 검색',
  placeholder: '문서 검색 (Ctrl+Shift+F)',
  regexTitle: '정규 표현식 (JavaScript 문법, ^와 $는 줄 끝에서 일치)',
  caseTitle: '대소문자 구분',
  labelFilter: '이 라벨의 스팬 안에서만',
  anyText: '모든 텍스트',
  inLabel: '{{label}} 스팬 안',
  layerFilter: '이 레이어의 스팬 안에서만',
  anyLayer: '모든 레이어',
  summary_other: '문서 {{total}}개 중 {{docs}}개에서 {{formatted}}건 · {{ms}}ms',
  searching: '검색 중…',
  stillSearching: ' · 검색 중…',
  hint: '클릭 또는 Enter로 열기 · Ctrl/⌘는 옆에 열기 · ↑↓',
  results: '검색 결과'
}
