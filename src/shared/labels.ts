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
