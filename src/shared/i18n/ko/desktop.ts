import type { Catalogue } from '../catalogue'
import type { desktop as en } from '../en/desktop'

export const desktop: Catalogue<typeof en> = {
  menu: {
    file: '파일',
    edit: '편집',
    view: '보기',
    help: '도움말',
    newProject: '새 프로젝트…',
    openProject: '프로젝트 열기…',
    recentProjects: '최근 프로젝트',
    noRecent: '최근 프로젝트 없음',
    import: '가져오기…',
    export: '내보내기…',
    merge: '프로젝트 병합…',
    meetingsExport: '회의 내보내기…',
    dataset: '데이터셋 만들기…',
    restore: '백업에서 복원…',
    closePane: '창 닫기',
    quit: 'Spanmark 종료',
    undo: '실행 취소',
    redo: '다시 실행',
    cut: '잘라내기',
    copy: '복사',
    paste: '붙여넣기',
    selectAll: '모두 선택',
    labels: '라벨…',
    settings: '설정…',
    agreement: '일치도',
    meetings: '회의',
    reload: '새로 고침',
    devTools: '개발자 도구',
    actualSize: '실제 크기',
    zoomIn: '확대',
    zoomOut: '축소',
    fullScreen: '전체 화면',
    shortcuts: '단축키',
    about: 'Spanmark 정보'
  },
  topBar: {
    annotator: '주석자:',
    notSet: '(설정 안 됨)',
    changeAnnotator: '주석자 변경'
  },
  project: {
    openTitle: '프로젝트 열기',
    newTitle: '새 프로젝트',
    newDefaultName: '새 프로젝트.sqlite',
    filterName: 'Spanmark 프로젝트',
    switched: '{{name}} 프로젝트를 열었습니다.',
    webOnlyServer: '이 서버는 프로젝트 하나만 다룹니다. 다른 프로젝트는 데스크톱 앱에서 여세요.'
  },
  drop: {
    hint: '.txt 또는 .jsonl 파일을 놓으면 가져옵니다',
    refused_other: '{{names}}: 가져오지 않았습니다. 여기에는 .txt와 .jsonl 파일만 놓을 수 있습니다.',
    reading: '파일 {{total}}개 중 {{current}}번째 읽는 중: {{name}} ({{lines}}줄, {{size}})',
    saving: '파일 {{total}}개를 확인하고 저장하는 중…',
    progressLabel: '가져오기 진행 상황',
    done_other: '놓은 파일에서 새 문서 {{count}}개를 가져왔습니다.',
    failed: '놓은 파일을 가져오지 못했습니다: {{message}}',
    busy: '이미 가져오기가 진행 중입니다. 끝난 뒤에 파일을 다시 놓으세요.'
  },
  close: {
    title: 'Spanmark',
    message: '가져오기가 아직 진행 중입니다.',
    detail: '지금 Spanmark를 닫으면 가져오기가 중단되고 아무것도 저장되지 않습니다. 프로젝트는 가져오기 전 상태 그대로 남습니다.',
    cancel: '계속 작업',
    closeAnyway: '그래도 닫기'
  }
}
