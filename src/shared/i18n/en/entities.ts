/** Entities: the sidebar panel and the type-ahead that links a span to an entity (English reference). */
export const entities = {
  panel: 'Entities',
  heading: 'Entities',
  hint: 'Select a span, press e to link it',
  filter: 'Filter entities',
  mentions_one: '1 mention',
  mentions_other: '{{count}} mentions',
  documents_one: '1 document',
  documents_other: '{{count}} documents',
  unlink: 'Unlink {{text}} in {{docId}} from {{entity}}',
  unlinkTitle: 'Unlink (Ctrl+Z links it again)',
  none: 'No entities yet.',
  noMatch: 'No entity matches.',
  newName: 'New name for {{entity}}',
  rename: 'Rename',
  mergeInto: 'Merge {{entity}} into',
  mergeIntoChoose: 'Merge into…',
  merge: 'Merge',
  picker: {
    title: 'Link “{{text}}” to an entity',
    input: 'Entity ({{label}})',
    list: 'Entities',
    create: 'Create <strong>{{name}}</strong> <muted>({{label}})</muted>',
    typeName: 'Type a name.',
    hint: 'Enter links · ↑↓ choose · Esc cancels · Ctrl+Z undoes a link'
  }
}
