import type { Catalogue } from '../catalogue'
import type { links as en } from '../en/links'

export const links: Catalogue<typeof en> = {
  dragCancelled: '연결을 취소했습니다',
  chooserLabel: '연결 역할 선택',
  chooserPrompt: '“{{from}}” → “{{to}}” 연결의 역할을 고르세요',
  cancel: '취소'
}
