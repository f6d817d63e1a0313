import type { Catalogue } from '../catalogue'
import type { dialogs as en } from '../en/dialogs'

export const dialogs: Catalogue<typeof en> = {
  n: {
    document_other: '문서 {{count}}개',
    span_other: '스팬 {{count}}개',
    file_other: '파일 {{count}}개',
    newDocument_other: '새 문서 {{count}}개',
    newSpan_other: '새 스팬 {{count}}개',
    unknown: '{{noun}} ?개'
  },
  import: {
    title: '문서 가져오기',
    introNamed:
      '<code>.txt</code> 파일(파일마다 문서 하나, 파일 이름이 문서 이름) 또는 <code>.jsonl</code> 파일(한 줄에 문서 하나, 스팬은 <strong>{{name}}</strong>의 레이어로 들어감)을 고르세요. 내보낸 <code>.entities.jsonl</code>을 함께 고르면 개체도 되살립니다. 잘못된 줄이 하나라도 있는 파일은 통째로 거부됩니다.',
    introYours:
      '<code>.txt</code> 파일(파일마다 문서 하나, 파일 이름이 문서 이름) 또는 <code>.jsonl</code> 파일(한 줄에 문서 하나, 스팬은 내 레이어로 들어감)을 고르세요. 내보낸 <code>.entities.jsonl</code>을 함께 고르면 개체도 되살립니다. 잘못된 줄이 하나라도 있는 파일은 통째로 거부됩니다.',
    files: '가져올 파일',
    progress: '가져오기 진행률',
    reading: '파일 {{total}}개 중 {{n}}번째 읽는 중…',
    saving: '확인하고 저장하는 중…',
    summary: '{{files}}에서 {{documents}}, {{spans}}를 가져왔습니다.',
    fileLine: '{{name}}: {{documents}} (새 문서 {{newDocuments}}), {{spans}} (새 스팬 {{newSpans}})',
    note: '참고: {{note}}',
    run: '가져오기'
  },
  export: {
    title: 'JSONL 내보내기',
    intro:
      '모든 문서를 <strong>{{name}}</strong>의 스팬과 함께 한 줄에 JSON 객체 하나씩 씁니다. 아무것도 거르지 않습니다. Spanmark와 Prodigy의 오프셋은 유니코드 코드 포인트(끝은 포함하지 않음)이고, doccano의 오프셋은 doccano가 세는 대로 UTF-16 코드 단위입니다.',
    format: '형식',
    formatSelect: '내보내기 형식',
    spanmark: 'Spanmark JSONL (표준, 코드 포인트)',
    doccano: 'doccano JSONL (UTF-16 오프셋)',
    prodigy: 'Prodigy JSONL (토큰과 스팬)',
    progress: '내보내기 진행률',
    exporting: '내보내는 중…',
    done: '{{documents}}, {{spans}}를 {{file}}(으)로 내보냈습니다.',
    entities_other: '스팬의 <code>entity_id</code>는 프로젝트의 개체 {{count}}개를 가리킵니다:',
    download: '{{file}} 내려받기',
    lost: '이 형식에 담지 못한 것',
    failed: '내보내지 못했습니다: {{reason}}',
    run: '내보내기'
  },
  merge: {
    title: '프로젝트 병합',
    intro:
      '동료의 프로젝트 파일(<code>.sqlite</code>)을 고르세요. id와 텍스트가 같은 문서의 모든 주석자 레이어, 골드 레이어, 변경 기록을 복사해 옵니다. 텍스트가 다른 문서는 목록에 표시하고 그대로 둡니다. 두 번 병합해도 달라지는 것은 없습니다.',
    file: '병합할 프로젝트 파일',
    progress: '병합 진행률',
    merging: '병합하는 중…',
    status: '{{file}} 병합: {{spans}} 추가',
    summary: '{{matched}} 일치, {{added}}개 추가, {{spans}} 추가{{byLayer}}, {{history}}.',
    history_other: '기록 {{count}}건',
    regions_other: ' 본문이 아닌 텍스트로 표시한 영역 {{count}}개.',
    links_other: ' 스팬 사이 링크 {{count}}개 추가.',
    entities: ' {{entities}}, {{links}} 추가.',
    entity_other: '개체 {{count}}개',
    mentionLink_other: '언급 링크 {{count}}개',
    notMerged: '병합 안 됨: {{reason}}',
    entityConflicts: '개체 충돌',
    entityConflict: '개체 충돌: {{reason}}',
    run: '병합'
  },
  restore: {
    title: '백업에서 복원',
    intro:
      'Spanmark는 이 프로젝트의 최근 스냅샷 {{keep}}개를 보관합니다. 열 때 하나, 변경되는 동안 몇 분마다 하나씩 만듭니다. 복원하면 프로젝트 전체(모든 레이어, 골드 스팬, 기록)가 고른 스냅샷으로 바뀝니다. 현재 상태는 먼저 백업으로 저장되므로 복원을 되돌릴 수 있습니다.',
    loading: '백업을 불러오는 중…',
    none: '아직 백업이 없습니다. “지금 백업”으로 만드세요.',
    table: '백업',
    choose: '선택',
    taken: '만든 시각',
    why: '이유',
    size: '크기',
    documents: '문서',
    spans: '스팬',
    takenAt: '{{when}}에 만든 백업',
    unreadable: '읽을 수 없음',
    reason: {
      open: '열 때',
      auto: '편집 중',
      manual: '직접',
      'before-restore': '복원 전',
      'before-import': '가져오기 전',
      'before-merge': '병합 전'
    },
    folder: '폴더: {{folder}}',
    confirm: '이 프로젝트를 <strong>{{when}}</strong>에 만든 스냅샷({{documents}}, {{spans}})으로 바꿀까요? 현재 상태는 먼저 백업으로 저장됩니다.',
    progress: '백업 진행률',
    backingUp: '백업하는 중…',
    restoring: '복원하는 중…',
    restored: '{{when}}에 만든 스냅샷을 복원했습니다. 바뀌기 전 상태는 백업 {{undo}}입니다. 다시 불러오는 중…',
    restore: '복원',
    backUpNow: '지금 백업',
    restoreEllipsis: '복원…'
  },
  dataset: {
    title: '데이터셋 만들기',
    layer: '레이어',
    format: '형식',
    formats: {
      spanmark: 'Spanmark JSONL (표준, 상태 포함)',
      doccano: 'doccano JSONL',
      prodigy: 'Prodigy JSONL (토큰 + 스팬)',
      hf: 'Hugging Face 토큰 분류 (BIO)',
      klue: 'KLUE-NER TSV'
    },
    splits: '분할 (문서 단위)',
    splitsPlaceholder: 'train=0.8,dev=0.1,test=0.1 (비우면 파일 하나)',
    seed: '시드',
    documents: '문서',
    reviewedOnly: '검토 완료만',
    anyStatus: '모든 검토 상태',
    includeRestricted: 'AI 학습을 금지한 문서도 포함',
    rename: '라벨 이름 바꾸기',
    renamePlaceholder: 'MEETING=EVENT,…',
    keepOnly: '남길 라벨',
    keepOnlyPlaceholder: '전체 (또는 PERSON,ORGANISATION)',
    align: '토큰 경계에 맞지 않는 스팬',
    expand: '토큰 전체로 넓히기 (NAVER NER 방식)',
    contract: '토큰 전체로 좁히기',
    drop: '버리기 (개수 집계)',
    tokens: '토큰',
    eojeol: '어절 (공백 단위)',
    chars: '글자',
    offsets: '오프셋',
    utf16: 'UTF-16 (doccano)',
    codepoints: '코드 포인트',
    outDir: '출력 폴더',
    outDirPlaceholder: '비우면 프로젝트 파일 옆 datasets/…',
    progress: '데이터셋 진행률',
    building: '고르고, 인코딩하고, 검증하는 중…',
    wrote: '{{documents}}, {{spans}}를 {{dir}}에 썼습니다: {{files}}.',
    run: '만들기'
  }
}
