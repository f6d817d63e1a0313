import type { Catalogue } from '../catalogue'
import type { changes as en } from '../en/changes'

export const changes: Catalogue<typeof en> = {
  legacy: '{{text}}',
  undo: '실행 취소: $t(changes:{{what}})',
  redo: '다시 실행: $t(changes:{{what}})',
  selectedDeleted: '선택한 스팬이 다른 창이나 탭에서 삭제되었습니다 ($t(changes:{{what}})).',
  nothingToUndo: '실행 취소할 작업이 없습니다',
  nothingToRedo: '다시 실행할 작업이 없습니다',
  cannotUndo:
    '“$t(changes:{{what}})”은(는) 실행 취소할 수 없습니다. 그보다 앞선 작업을 대신 되돌리지 않도록 실행 취소는 여기서 멈춥니다. 되돌리려면 그 전에 만든 백업을 복원하세요(설정 → 백업).',

  labelSpan: '“{{text}}”을(를) {{label}}(으)로 라벨링',
  labelSpanTrimmed: '“{{text}}”을(를) {{label}}(으)로 라벨링, {{cut}} 잘라 냄 (실행 취소하면 되살아남)',
  labelSpanTrimmedSpaces: '“{{text}}”을(를) {{label}}(으)로 라벨링, 공백을 잘라 냄 (실행 취소하면 되살아남)',
  alreadyLabelled: '“{{text}}”은(는) 이미 {{label}}(으)로 라벨링되어 있습니다',
  alreadyThisLabel: '이 스팬은 이미 {{label}}입니다',
  relabelSpan: '“{{text}}”의 라벨을 {{label}}(으)로 변경',
  deleteSpan: '“{{text}}” 삭제',
  deleteSpanLinks_other: '“{{text}}”와(과) 링크 {{count}}개 삭제',

  markRegions_other: '{{docId}}의 영역 {{count}}개를 본문 아님으로 표시',
  markRegionsInside_other: '{{docId}}의 영역 {{count}}개를 본문 아님으로 표시. 내 스팬 {{inside}}개가 그 안에 있습니다(유지됨)',
  unmarkRegion: '{{docId}}의 영역 표시 해제: 다시 본문입니다',

  rejectSuggestion: '제안 “{{text}}”({{label}}) 거절: 여기서 다시 제안하지 않습니다',
  alreadyRejectedSuggestion: '제안 “{{text}}”({{label}})은(는) 이미 거절되었습니다',
  acceptSuggestions_other: '{{docId}}의 {{label}} 제안 {{count}}개 수락',
  noSuggestionsLeft: '{{docId}}에 남은 {{label}} 제안이 없습니다',

  labelOccurrences_other: '“{{text}}”의 출현 {{count}}곳을 {{label}}(으)로 라벨링',
  labelOccurrencesDocs_other: '문서 {{docs}}개에서 “{{text}}”의 출현 {{count}}곳을 {{label}}(으)로 라벨링',
  labelOccurrencesSkipped_other: '“{{text}}”의 출현 {{count}}곳을 {{label}}(으)로 라벨링 ({{skipped}}곳은 이미 라벨링됨)',
  nothingToLabel: '라벨링할 것이 없습니다: “{{text}}”의 모든 출현 위치가 이미 {{label}}입니다',

  createRelation: '{{role}} 링크: “{{from}}” → “{{to}}”',
  deleteRelation: '{{role}} 링크 해제: “{{from}}” → “{{to}}”',

  createEntity: '개체 {{name}}({{type}}) 만들기',
  entityExists: '개체 {{name}}({{type}})이(가) 이미 있습니다',
  linkEntity_other: '언급 {{count}}개를 {{name}}에 연결',
  linkEntityMoved_other: '언급 {{count}}개를 {{name}}에 연결 ({{moved}}개는 다른 개체에서 옮김)',
  unlinkEntity: '언급 하나를 {{name}}에서 연결 해제',
  renameEntity: '개체 {{from}}의 이름을 {{to}}(으)로 변경',
  mergeEntities_other: '{{from}}을(를) {{into}}에 병합 (링크 {{count}}개 옮김)',

  acceptCandidate: '“{{text}}”을(를) {{label}}(으)로 수락',
  acceptCandidateFrom: '“{{text}}”을(를) {{label}}(으)로 수락 ({{sources}})',
  alreadyGold: '“{{text}}”은(는) 이미 골드에 {{label}}(으)로 있습니다',
  rejectCandidate: '“{{text}}”을(를) {{label}}(으)로 보는 것을 거절',
  rejectCandidateLinks_other: '“{{text}}”을(를) {{label}}(으)로 보는 것을 거절 (골드 링크 {{count}}개도 함께)',
  alreadyRejected: '“{{text}}”({{label}})은(는) 이미 거절되었습니다',
  acceptAgreed_other: '{{docId}}에서 합의된 스팬 {{count}}개 수락',
  acceptAgreedLinks: '{{docId}}에서 합의된 스팬 {{spans}}개와 링크 {{links}}개 수락',
  noAgreed: '수락할 합의된 스팬이나 링크가 남아 있지 않습니다',
  acceptLink: '{{role}} 링크 수락: “{{from}}” → “{{to}}”',
  linkAlreadyGold: '“{{from}}” → “{{to}}”은(는) 이미 골드에 {{role}}(으)로 연결되어 있습니다',
  adjudicate: '{{annotators}} 판정 (최소 {{min}}명 일치)',

  importFiles: '새 문서 {{documents}}개와 새 스팬 {{spans}}개 가져오기',
  mergeProject: '프로젝트 {{from}} 병합',
  labelSchema: '라벨 체계 변경',
  restoreBackup: '백업 {{name}} 복원',
  mergeMeetings_other: '회의 언급 {{count}}개를 일정 “{{name}}”(으)로 병합',
  splitMeeting_other: '회의 언급 {{count}}개를 일정에서 분리',
  importFilesNamed: '{{files}} 가져오기',
  mergeLinks: '{{from}}의 링크 병합'
}
