/** The frame of the main screen: sidebar, review statuses, status bar, annotator dialog (English reference). */
export const app = {
  sidebar: {
    nav: 'Documents',
    heading: 'Documents',
    hint: 'Click opens · Ctrl/⌘+click opens beside',
    show: 'Show',
    filter: 'Filter by review status',
    all: 'All documents',
    restricted: 'restricted',
    restrictedTitle: 'No AI training: “{{reason}}”',
    spans_one: '1 span',
    spans_other: '{{count}} spans',
    noSpans: 'no spans yet'
  },
  reviewStatus: { unreviewed: 'Unreviewed', in_review: 'In review', reviewed: 'Reviewed' },
  statusBar: {
    documents_one: '1 document',
    documents_other: '{{count}} documents'
  },
  annotator: {
    title: 'Who is annotating?',
    intro: 'Every span you make belongs to this name. It is remembered on this computer.',
    name: 'Annotator name',
    invalid: 'Invalid name',
    save: 'Save name'
  }
}
