import type { LabelDef } from './domain'

/** The label set a new project starts with. Stored per project; the app reads labels from the project. */
export const DEFAULT_LABELS: readonly LabelDef[] = [
  {
    key: 'PERSON',
    name: 'Person',
    hotkey: '1',
    color: '#d9480f',
    guideline: 'A named individual, without titles such as 회장/CEO and without particles such as 은/의.'
  },
  {
    key: 'ORGANISATION',
    name: 'Organisation',
    hotkey: '2',
    color: '#1971c2',
    guideline: 'Companies, groups, institutions: SK그룹, 오픈AI, 삼성전자.'
  },
  {
    key: 'DATE',
    name: 'Date',
    hotkey: '3',
    color: '#2b8a3e',
    guideline: 'Absolute or relative dates: 4일, 지난해 1월, 2025.02.04.'
  },
  {
    key: 'MEETING',
    name: 'Meeting',
    hotkey: '4',
    color: '#ae3ec9',
    guideline: 'The mention of a meeting event: 회동, 면담, 오찬 회동, 3자 회동.'
  }
]

/**
 * The default labels' names and guidelines, and the built-in link roles' names, in the UI language
 * a new project is created in. After that they are project data: renaming a label is the person's.
 */
export const DEFAULT_LABEL_TEXT_KO: Readonly<Record<string, { name: string; guideline: string }>> = {
  PERSON: { name: '인물', guideline: '이름으로 가리킨 사람. 회장/CEO 같은 직함과 은/의 같은 조사는 빼고 표시합니다.' },
  ORGANISATION: { name: '조직', guideline: '회사, 단체, 기관: SK그룹, 오픈AI, 삼성전자.' },
  DATE: { name: '날짜', guideline: '절대 날짜와 상대 날짜: 4일, 지난해 1월, 2025.02.04.' },
  MEETING: { name: '회의', guideline: '회의라는 사건을 가리키는 말: 회동, 면담, 오찬 회동, 3자 회동.' }
}

export const DEFAULT_ROLE_NAMES_KO: Readonly<Record<string, string>> = {
  participant: '참석자',
  date: '날짜',
  place: '장소'
}
