import type { Catalogue } from '../catalogue'
import type { screens as en } from '../en/screens'

/** 화면 배치와 상태 줄 (이슈 15). */
export const screens: Catalogue<typeof en> = {
  sidebar: {
    hide: '사이드바 숨기기',
    show: '사이드바 보이기',
    toggle: '사이드바 보이기/숨기기'
  },
  pane: {
    more: '더 보기',
    moreTitle: '이 창의 머리글에 들어가지 않는 도구',
    moreGroup: '{{docId}}의 도구 더 보기'
  },
  status: {
    dismiss: '닫기',
    dismissTitle: '이 메시지 닫기',
    savedAt: '{{time}}에 저장됨',
    span: '{{label}} · 주석자 {{annotator}} · 코드 포인트 {{start}}–{{end}}: “{{text}}”'
  },
  labelBar: {
    help: '라벨 붙이는 법',
    helpTitle: '라벨 붙이는 법과 단축키 보기'
  }
}
