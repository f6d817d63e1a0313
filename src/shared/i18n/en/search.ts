/** Corpus search in the sidebar (English reference). */
export const search = {
  region: 'Search all documents',
  placeholder: 'Search documents (Ctrl+Shift+F)',
  regexTitle: 'Regular expression (JavaScript syntax; ^ and $ match at line ends)',
  caseTitle: 'Match case',
  labelFilter: 'Only inside spans labelled',
  anyText: 'Any text',
  inLabel: 'In {{label}} spans',
  layerFilter: 'Only inside spans of the layer',
  anyLayer: 'Any layer',
  summary_one: '1 hit in {{docs}} of {{total}} documents · {{ms}} ms',
  summary_other: '{{formatted}} hits in {{docs}} of {{total}} documents · {{ms}} ms',
  searching: 'Searching…',
  stillSearching: ' · searching…',
  hint: 'Click or Enter opens · Ctrl/⌘ beside · ↑↓',
  results: 'Search results'
}
