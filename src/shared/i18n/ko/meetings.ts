import type { Catalogue } from '../catalogue'
import type { meetings as en } from '../en/meetings'

export const meetings: Catalogue<typeof en> = {
  title: '회의',
  needAnnotator: '먼저 주석자 이름을 설정하세요. 이 화면은 내가 연결한 회의를 보여 줍니다.',
  loading: '회의를 불러오는 중…',
  loadFailed: '회의 목록을 가져오지 못했습니다: {{reason}}',
  none: '아직 회의가 없습니다. MEETING 스팬에 라벨을 붙이고 참석자(p)와 날짜(d)를 연결하면 여기에 나타납니다.',
  timeline: '날짜순 회의',
  select: '{{name}} 선택',
  dateUnknown: '날짜 모름',
  weekOf: '{{date}} 주간',
  participantEntity: '개체: {{name}} ({{type}})',
  participantLoose: '{{type}}, 개체에 연결되지 않음',
  articles_other: '기사 {{count}}건',
  openAt: '{{title}}에서 이 회의 위치 열기',
  mergedName: '병합한 회의 이름',
  defaultName: '회의',
  merge: '병합',
  mergeFailed: '병합하지 못했습니다: {{reason}}',
  splitFailed: '나누지 못했습니다: {{reason}}',
  exported_other: '회의 {{count}}건을 {{file}}(으)로 내보냈습니다.',
  exportFailed: '내보내지 못했습니다: {{reason}}',
  mergeSelected: '하나의 회의로 병합',
  split: '회의 나누기',
  export: 'meetings.jsonl 내보내기'
}
