/**
 * Why a region is not article text: the core stores a code ('copyright', 'font-size menu', …; see
 * src/shared/boilerplate.ts). The UI shows it through the overlays catalogue; a reason it does not
 * know (one a person or an imported file wrote) is project data and shown as written.
 */
const REASON_KEYS: Readonly<Record<string, string>> = {
  'font-size menu': 'fontSizeMenu',
  copyright: 'copyright',
  newsletter: 'newsletter',
  notice: 'notice',
  published: 'published',
  'tip-off': 'tipOff',
  'photo credit': 'photoCredit',
  'market data': 'marketData',
  masthead: 'masthead',
  menu: 'menu',
  list: 'list',
  'related headlines': 'relatedHeadlines',
  repeated: 'repeated',
  'board table': 'boardTable',
  imported: 'imported',
  manual: 'manual',
  'marked by hand': 'manual',
  suggested: 'suggested'
}

/** The catalogue key for a stored reason ("overlays:reason.copyright"), or null for a reason that is data. */
export function regionReasonKey(reason: string): string | null {
  if (!Object.prototype.hasOwnProperty.call(REASON_KEYS, reason)) return null
  const key = REASON_KEYS[reason]
  return key ? `overlays:reason.${key}` : null
}
