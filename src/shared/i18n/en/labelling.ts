/** Labelling a selection: snapping to words, paragraph breaks, the queue of changes in flight (English reference). */
export const labelling = {
  onlyPunctuation: 'The selection holds only spaces and punctuation: select the words to label.',
  crossesParagraph:
    'The selection runs across a paragraph break, and {{label}} spans may not: select text within one paragraph, or allow {{label}} to cross paragraphs on the Labels screen.',
  snap: 'Snap to words',
  snapTitle: 'When on, a selection that starts or ends inside a word grows to the whole word (태원 SK그 → 최태원 SK그룹). Turn it off to label part of a word.',
  snapOn: 'Selections now grow to whole words.',
  snapOff: 'Selections are now kept where they start and end, even inside a word.',
  crossParagraphs: 'May cross paragraph breaks',
  crossParagraphsTitle: 'Allow spans of this label to run across a line break (e.g. a quotation over two paragraphs).',
  rolledBack_one: '{{reason}} — undone on screen: that change and 1 change that depended on it.',
  rolledBack_other: '{{reason}} — undone on screen: that change and {{count}} changes that depended on it.'
}
