import type { Catalogue } from '../catalogue'
import type { settings as en } from '../en/settings'

export const settings: Catalogue<typeof en> = {
  title: '설정',
  open: '설정',
  openTitle: '설정: 주석자, 언어, 테마, 조사, 백업',
  annotator: {
    legend: '주석자',
    intro: '새로 만드는 스팬은 모두 이 이름으로 저장됩니다. 이 컴퓨터에 기억됩니다.',
    name: '주석자 이름',
    save: '주석자 변경',
    saved: '이제 {{name}}(으)로 주석합니다.'
  },
  lang: {
    legend: '언어',
    intro: '화면 전체가 바로 바뀝니다. 이 브라우저나 앱에 기억됩니다.'
  },
  theme: {
    legend: '테마',
    system: '시스템 설정에 따름',
    light: '밝게',
    dark: '어둡게',
    now: '현재: {{theme}}',
    lightNow: '밝은 테마',
    darkNow: '어두운 테마'
  },
  trim: {
    legend: '조사',
    label: '라벨을 붙일 때 조사 빼기',
    intro: '올트먼의에 라벨을 붙이면 올트먼으로 저장됩니다. 공백, 문장 부호, 끝에 붙은 조사는 빠집니다. 라벨 막대의 체크박스와 같은 설정이며 모든 프로젝트에 적용됩니다.'
  },
  backups: {
    legend: '백업',
    folder: '이 프로젝트의 백업 위치:',
    count_other: '이 폴더에 백업 {{count}}개 (최근 {{keep}}개를 보관합니다).',
    defaultFolder: '프로젝트 파일 옆의 기본 폴더입니다.',
    customFolder: '이 프로젝트에 지정한 폴더입니다.',
    unavailable: '지정한 폴더 {{folder}}을(를) 찾을 수 없어, 폴더가 다시 생기거나 다른 폴더를 지정할 때까지 기본 폴더에 백업합니다.',
    webNote: '웹 모드: 이 경로는 지금 쓰는 컴퓨터가 아니라 Spanmark 서버가 실행 중인 컴퓨터의 폴더입니다.',
    newFolder: '새 백업 폴더 (전체 경로)',
    placeholder: '/home/사용자/spanmark-backups',
    use: '이 폴더 사용',
    useDefault: '기본 폴더 사용',
    hint: '이미 있는 폴더이고 쓰기 권한이 있어야 합니다. 바꾸면 그 폴더에 바로 백업하며, 이전 백업은 원래 자리에 그대로 남습니다.',
    changed: '이제 {{folder}}에 백업합니다.',
    loading: '백업 폴더를 읽는 중…'
  }
}
