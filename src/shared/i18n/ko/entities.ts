import type { Catalogue } from '../catalogue'
import type { entities as en } from '../en/entities'

export const entities: Catalogue<typeof en> = {
  panel: '개체',
  heading: '개체',
  hint: '스팬을 선택하고 e를 눌러 연결',
  filter: '개체 거르기',
  mentions_other: '언급 {{count}}개',
  documents_other: '문서 {{count}}개',
  unlink: '{{docId}}의 {{text}}을(를) {{entity}}에서 연결 해제',
  unlinkTitle: '연결 해제 (Ctrl+Z로 다시 연결)',
  none: '아직 개체가 없습니다.',
  noMatch: '일치하는 개체가 없습니다.',
  newName: '{{entity}}의 새 이름',
  rename: '이름 바꾸기',
  mergeInto: '{{entity}}을(를) 병합할 대상',
  mergeIntoChoose: '병합할 대상…',
  merge: '병합',
  picker: {
    title: '“{{text}}”을(를) 개체에 연결',
    input: '개체 ({{label}})',
    list: '개체',
    create: '<strong>{{name}}</strong> 만들기 <muted>({{label}})</muted>',
    typeName: '이름을 입력하세요.',
    hint: 'Enter로 연결 · ↑↓로 선택 · Esc로 취소 · Ctrl+Z로 연결을 되돌림'
  }
}
