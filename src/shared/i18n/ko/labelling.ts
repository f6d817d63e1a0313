import type { Catalogue } from '../catalogue'
import type { labelling as en } from '../en/labelling'

export const labelling: Catalogue<typeof en> = {
  onlyPunctuation: '선택한 부분에 공백과 문장 부호만 있습니다. 라벨을 붙일 낱말을 선택하세요.',
  crossesParagraph:
    '선택한 부분이 문단 경계를 넘는데, {{label}} 라벨은 문단을 넘을 수 없습니다. 한 문단 안에서 선택하거나, 라벨 화면에서 {{label}} 라벨이 문단을 넘을 수 있도록 설정하세요.',
  snap: '어절 단위로 선택',
  snapTitle: '켜 두면 낱말 중간에서 시작하거나 끝나는 선택이 어절 전체로 넓어집니다 (태원 SK그 → 최태원 SK그룹). 낱말의 일부에 라벨을 붙이려면 끄세요.',
  snapOn: '이제 선택이 어절 전체로 넓어집니다.',
  snapOff: '이제 낱말 중간이라도 선택한 그대로 둡니다.',
  crossParagraphs: '문단 경계를 넘을 수 있음',
  crossParagraphsTitle: '이 라벨의 구간이 줄바꿈을 넘어 이어질 수 있게 합니다 (예: 두 문단에 걸친 인용문).',
  rolledBack_other: '{{reason}} — 화면에서 되돌렸습니다: 그 변경과 이에 딸린 변경 {{count}}개.'
}
