import type { Catalogue } from '../catalogue'
import type { overlays as en } from '../en/overlays'

/** 문서 본문 위에 그리는 표시의 도움말 (한국어). */
export const overlays: Catalogue<typeof en> = {
  suggestionMine_other: '내가 “{{text}}”을(를) 이렇게 레이블함 ({{count}}회)',
  suggestionGold_other: 'gold에서 “{{text}}”을(를) 이렇게 레이블함 ({{count}}회)',
  reason: {
    fontSizeMenu: '글자 크기 메뉴',
    copyright: '저작권 문구',
    newsletter: '뉴스레터',
    notice: '안내 문구',
    published: '입력·수정 일시',
    tipOff: '제보 안내',
    photoCredit: '사진 출처',
    marketData: '시세 정보',
    masthead: '제호',
    menu: '메뉴',
    list: '목록',
    relatedHeadlines: '관련 기사 제목',
    repeated: '반복 문구',
    boardTable: '게시판 표',
    imported: '가져옴',
    manual: '직접 표시함',
    suggested: '제안됨'
  }
}
