import type { Catalogue } from '../catalogue'
import type { pane as en } from '../en/pane'

export const pane: Catalogue<typeof en> = {
  area: {
    empty: '문서',
    emptyHint: '목록에서 문서를 여세요. Ctrl+클릭(macOS에서는 ⌘+클릭)하면 다른 문서 옆에 엽니다.',
    open: '열린 문서',
    resize: '{{left}}번 창과 {{right}}번 창 사이 크기 조절'
  },
  label: '{{n}}번 창: {{title}}',
  couldNotOpen: '{{docId}}을(를) 열 수 없습니다: {{reason}}',
  opening: '{{docId}} 여는 중…',
  header: {
    review: '검토: {{names}}',
    leaveReview: '검토 끝내기',
    layer: '{{n}}번 창에 표시할 레이어',
    you: '{{name}} (나)',
    readOnly: '읽기 전용',
    spans_other: '스팬 {{count}}개',
    reviewButton: '검토',
    reviewNeedsTwo: '검토하려면 이 문서에 스팬이 있는 주석자가 두 명 이상 필요합니다',
    compare: '{{names}} 비교',
    restrictedTitle: '제한됨: “{{reason}}”. 요청하지 않으면 데이터셋에서 제외됩니다. 클릭하면 허용합니다.',
    allowedTitle: '학습 데이터셋에 사용할 수 있습니다. 클릭하면 제한합니다.',
    noTraining: 'AI 학습 불가',
    trainingOk: 'AI 학습 허용',
    close: '{{docId}} 닫기'
  },
  boilerplate: {
    ignoredTitle: '본문이 아닌 것으로 표시한 영역: 회색으로 보이고, 라벨을 붙일 수 없으며, 토큰 데이터셋에서 제외됩니다',
    ignored_other: '제외 영역 {{count}}개',
    suggestedTitle: '메뉴, 관련 기사 제목, 저작권 문구, 뉴스레터 문구처럼 보이는 영역입니다. 클릭하면 본문에 표시합니다.',
    suggested_other: '제안 영역 {{count}}개',
    acceptAll: '모두 수락 ({{count}})',
    dismiss: '숨기기',
    unmark: '영역 표시 해제',
    markTitle: '선택한 텍스트를 본문이 아닌 텍스트로 표시 (Shift+I)',
    mark: '본문 아님'
  },
  relations: {
    linking: '“{{text}}” 링크 만드는 중: {{role}} 스팬을 클릭하세요… <kbd>Esc</kbd>로 취소',
    span: '스팬 {{id}}',
    outgoing: '{{role}} → {{text}}',
    incoming: '{{text}}의 {{role}}',
    delete: '{{words}} 링크 삭제',
    deleteTitle: '이 링크 삭제',
    panel: '선택한 스팬의 링크',
    none: '아직 링크가 없습니다.'
  },
  text: {
    empty: '빈 문서입니다.',
    label: '{{title}} 본문',
    suggested: '제안: {{label}} ({{note}}). Enter는 수락, x는 거절, Shift+Enter는 {{label}} 모두 수락',
    ignored: '본문이 아닌 텍스트 ({{note}}). 클릭하면 표시를 해제합니다.',
    regionSuggested: '본문이 아닌 텍스트로 제안됨 ({{note}}). 클릭하면 수락합니다.',
    bidiControl: '보이지 않는 방향 제어 문자 U+{{code}} ({{name}})'
  }
}
