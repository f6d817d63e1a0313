import type { Catalogue } from '../catalogue'
import type { app as en } from '../en/app'

export const app: Catalogue<typeof en> = {
  sidebar: {
    nav: '문서',
    heading: '문서',
    hint: '클릭하면 열기 · Ctrl/⌘+클릭하면 옆에 열기',
    show: '표시',
    filter: '검토 상태로 거르기',
    all: '모든 문서',
    restricted: '제한됨',
    restrictedTitle: 'AI 학습 불가: “{{reason}}”',
    spans_other: '스팬 {{count}}개',
    noSpans: '아직 스팬 없음'
  },
  reviewStatus: { unreviewed: '검토 전', in_review: '검토 중', reviewed: '검토 완료' },
  statusBar: {
    documents_other: '문서 {{count}}개'
  },
  annotator: {
    title: '누가 주석을 다나요?',
    intro: '만드는 모든 스팬은 이 이름으로 저장됩니다. 이 컴퓨터에 기억됩니다.',
    name: '주석자 이름',
    invalid: '올바르지 않은 이름',
    save: '이름 저장'
  }
}
