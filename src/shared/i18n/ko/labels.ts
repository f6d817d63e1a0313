import type { Catalogue } from '../catalogue'
import type { labels as en } from '../en/labels'

export const labels: Catalogue<typeof en> = {
  bar: {
    toolbar: '라벨',
    hint: '텍스트를 선택한 뒤 라벨 키를 누르세요. 스팬을 클릭하면 선택되며, 키를 누르면 라벨이 바뀌고 Delete를 누르면 삭제됩니다. Ctrl+Shift+A는 같은 텍스트를 모두 라벨링합니다. 점선 테두리는 제안입니다: Enter는 수락, Shift+Enter는 같은 라벨 모두 수락, x는 거절입니다. Shift+I는 선택 영역을 본문이 아닌 텍스트로 표시합니다. Ctrl+Z는 실행 취소, Ctrl+Shift+Z는 다시 실행입니다.',
    allOccurrences: '모든 위치…',
    allOccurrencesTitle: '방금 라벨링한 스팬(또는 선택한 텍스트)이 나오는 다른 위치를 찾아 한 번에 라벨링합니다 (Ctrl+Shift+A)',
    trim: '조사 빼기',
    trimTitle: '켜 두면 올트먼의를 라벨링할 때 올트먼만 저장합니다. 공백, 문장 부호, 끝의 조사는 빠집니다. Ctrl+Z 한 번이면 되돌아옵니다.',
    manage: '라벨…',
    manageTitle: '라벨을 추가, 편집, 정렬, 폐기하고 라벨 스키마를 내보내거나 가져옵니다',
    buttonTitle: '{{name}} ({{key}}), 단축키 {{hotkey}}: {{guideline}}',
    shown: '{{name}} ({{key}}): {{guideline}}'
  },
  guidelines: {
    open: '가이드라인',
    title: '라벨링 가이드라인',
    none: '아직 가이드라인이 없습니다. 라벨 화면에서 추가하세요.'
  },
  retiredName: '{{name}} (폐기됨)',
  screen: {
    title: '라벨',
    intro: '이 프로젝트의 라벨입니다. 라벨 막대와 같은 순서입니다. 폐기한 라벨은 스팬이 그대로 남지만(빗금과 “폐기됨” 표시) 더 이상 라벨링에 쓸 수 없습니다.',
    list: '이 프로젝트의 라벨',
    loading: '라벨을 불러오는 중…',
    retired: '폐기됨',
    spans_other: '스팬 {{count}}개',
    noGuideline: '가이드라인 없음',
    hotkeyNone: '키 없음',
    edit: '편집',
    editName: '{{name}} 편집',
    up: '위로',
    upName: '{{name}} 위로 이동',
    down: '아래로',
    downName: '{{name}} 아래로 이동',
    retire: '폐기',
    retireName: '{{name}} 폐기',
    unretire: '되살리기',
    unretireName: '{{name}} 되살리기',
    rename: '키 이름 바꾸기…',
    renameName: '{{name}}의 키 이름 바꾸기',
    add: '라벨 추가',
    close: '닫기'
  },
  form: {
    addTitle: '새 라벨',
    editTitle: '{{name}} 편집',
    key: '키',
    keyHelp: '파일과 데이터베이스에 기록되는 이름입니다(예: PLACE). 영문 대문자, 숫자, _만 쓸 수 있습니다.',
    name: '표시 이름',
    color: '색상',
    contrast: '명암비: 밝은 테마 {{light}}:1, 어두운 테마 {{dark}}:1 (둘 다 3:1 이상이어야 합니다).',
    hotkey: '단축키',
    hotkeyHelp: '이 라벨을 적용할 키를 누르세요.',
    guideline: '가이드라인',
    guidelineHelp: '예시를 곁들인 짧은 설명입니다. 마우스를 올리거나 가이드라인 패널에서 볼 수 있습니다.',
    save: '저장',
    create: '라벨 추가',
    cancel: '취소'
  },
  renameKey: {
    title: '{{key}} 키 이름 바꾸기',
    newKey: '{{key}}의 새 키',
    confirm_other: '스팬 {{count}}개가 {{key}}에서 {{newKey}}(으)로 옮겨지며, 이 키를 쓰는 링크와 개체도 함께 바뀝니다. 하나의 변경으로 처리됩니다.',
    typeKey: '새 키를 입력한 뒤 확인하세요.',
    apply: '이름 바꾸기',
    cancel: '취소'
  },
  schema: {
    title: '스키마 공유',
    help: '스키마 파일에는 라벨과 링크 역할이 들어 있습니다. 가져오면 새 라벨은 추가되고 같은 키의 라벨은 갱신됩니다. 삭제되는 것은 없으며, 문제가 하나라도 있는 파일은 아무것도 바꾸지 않습니다.',
    export: '스키마 내보내기',
    import: '스키마 파일 가져오기',
    imported: '{{file}}을(를) 가져왔습니다: 라벨 {{added}}개 추가, {{updated}}개 갱신.'
  },
  done: {
    added: '라벨 {{name}} ({{key}})을(를) 추가했습니다.',
    edited: '{{name}} ({{key}})을(를) 저장했습니다.',
    moved: '{{name}}을(를) 옮겼습니다.',
    retired: '{{name}}을(를) 폐기했습니다. 스팬은 남아 있고 표시됩니다.',
    unretired: '{{name}}을(를) 되살렸습니다.',
    renamed_other: '{{key}}을(를) {{newKey}}(으)로 바꿨습니다: 스팬 {{count}}개를 옮겼습니다.',
    exported: '스키마를 {{file}}(으)로 저장했습니다.'
  },
  problem: {
    keyFormat: '“{{key}}”은(는) 올바른 키가 아닙니다. 영문 대문자로 시작하는 1~32자의 대문자, 숫자, _를 쓰세요(예: PLACE).',
    keyTaken: '{{key}} 라벨이 이미 있습니다. 다른 키를 고르세요.',
    keySame: '지금의 키와 같습니다. 다른 키를 입력하세요.',
    nameEmpty: '표시 이름이 비어 있습니다.',
    nameLong: '표시 이름이 60자를 넘습니다.',
    guidelineLong: '가이드라인이 2,000자를 넘습니다.',
    hotkeyNotSingle: '5나 q처럼 글자 하나를 입력하는 키를 누르세요.',
    hotkeyReserved: '“{{hotkey}}”은(는) 이미 앱 단축키입니다. 다른 키를 고르세요.',
    hotkeyRole: '“{{hotkey}}”은(는) 링크를 시작하는 역할 키입니다. 다른 키를 고르세요.',
    hotkeyTaken: '“{{hotkey}}”은(는) 이미 {{other}}에서 쓰고 있습니다. 다른 키를 고르세요.',
    colorFormat: '“{{color}}”은(는) 색상이 아닙니다(#rrggbb).',
    colorLight: '밝은 테마에서 잘 보이지 않습니다({{ratio}}:1, 3:1 이상 필요). 더 어두운 색을 고르세요.',
    colorDark: '어두운 테마에서 잘 보이지 않습니다({{ratio}}:1, 3:1 이상 필요). 더 밝은 색을 고르세요.'
  }
}
