/** Hover texts of the overlays drawn over a document's text (English reference). */
export const overlays = {
  suggestionMine_one: 'you labelled “{{text}}” so',
  suggestionMine_other: 'you labelled “{{text}}” so {{count}} times',
  suggestionGold_one: 'gold labels “{{text}}” so',
  suggestionGold_other: 'gold labels “{{text}}” so {{count}} times',
  /** Why a region is not article text: the codes the core stores (src/shared/boilerplate.ts and imports). */
  reason: {
    fontSizeMenu: 'font-size menu',
    copyright: 'copyright',
    newsletter: 'newsletter',
    notice: 'notice',
    published: 'publication date',
    tipOff: 'tip-off',
    photoCredit: 'photo credit',
    marketData: 'market data',
    masthead: 'masthead',
    menu: 'menu',
    list: 'list',
    relatedHeadlines: 'related headlines',
    repeated: 'repeated',
    boardTable: 'board table',
    imported: 'imported',
    manual: 'marked by hand',
    suggested: 'suggested'
  }
}
