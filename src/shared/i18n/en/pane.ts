/** An open document: pane header, text, marks, boilerplate control (English reference). */
export const pane = {
  area: {
    empty: 'Documents',
    emptyHint: 'Open a document from the list. Ctrl+click (⌘+click on macOS) opens it beside the others.',
    open: 'Open documents',
    resize: 'Resize between pane {{left}} and {{right}}'
  },
  label: 'Pane {{n}}: {{title}}',
  couldNotOpen: 'Could not open {{docId}}: {{reason}}',
  opening: 'Opening {{docId}}…',
  header: {
    review: 'Review: {{names}}',
    leaveReview: 'Leave review',
    layer: 'Layer shown in pane {{n}}',
    you: '{{name}} (you)',
    readOnly: 'read-only',
    spans_one: '1 span',
    spans_other: '{{count}} spans',
    reviewButton: 'Review',
    reviewNeedsTwo: 'Review needs two or more annotators with spans on this document',
    compare: 'Compare {{names}}',
    restrictedTitle: 'Restricted: “{{reason}}”. Datasets leave it out unless asked. Click to allow.',
    allowedTitle: 'Allowed in training datasets. Click to restrict.',
    noTraining: 'No AI training',
    trainingOk: 'AI training OK',
    close: 'Close {{docId}}'
  },
  boilerplate: {
    ignoredTitle: 'Regions marked as not article text: greyed, cannot be labelled, left out of token datasets',
    ignored_one: '1 ignored region',
    ignored_other: '{{count}} ignored regions',
    suggestedTitle: 'Regions that look like menus, related headlines, copyright or newsletter text. Click to show them in the text.',
    suggested_one: '1 suggested region',
    suggested_other: '{{count}} suggested regions',
    acceptAll: 'Accept all ({{count}})',
    dismiss: 'Dismiss',
    unmark: 'Unmark region',
    markTitle: 'Mark the selected text as not article text (Shift+I)',
    mark: 'Not article text'
  },
  relations: {
    linking: 'Linking “{{text}}”: click the {{role}}… <kbd>Esc</kbd> cancels',
    span: 'span {{id}}',
    outgoing: '{{role}} → {{text}}',
    incoming: '{{role}} of {{text}}',
    delete: 'Delete link {{words}}',
    deleteTitle: 'Delete this link',
    panel: 'Links of the selected span',
    none: 'No links yet.'
  },
  text: {
    empty: 'This document is empty.',
    label: 'Text of {{title}}',
    suggested: 'Suggested: {{label}} ({{note}}). Enter accepts, x rejects, Shift+Enter accepts all {{label}}',
    ignored: 'Not article text ({{note}}). Click to unmark.',
    regionSuggested: 'Suggested as not article text ({{note}}). Click to accept.',
    bidiControl: 'Invisible direction control U+{{code}} ({{name}})'
  }
}
