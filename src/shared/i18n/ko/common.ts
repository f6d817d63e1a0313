import type { Catalogue } from '../catalogue'
import type { common as en } from '../en/common'

export const common: Catalogue<typeof en> = {
  appName: 'Spanmark',
  close: '닫기',
  cancel: '취소',
  ok: '확인',
  save: '저장',
  apply: '적용',
  language: '언어',
  languages: { en: 'English', ko: '한국어' }
}
