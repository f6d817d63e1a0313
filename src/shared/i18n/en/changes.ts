/**
 * Change descriptions (issue 15): what the core says a change did, as message data
 * ({ key: 'changes:…', params }). The status line, the undo/redo names and live-update notices
 * render them. Span texts, label names and document ids are project data, passed as is.
 * undo/redo/cannotUndo nest the undone change's own message: params.what is its key in this namespace.
 */
export const changes = {
  /** A description stored before descriptions were messages (an English sentence), shown as written. */
  legacy: '{{text}}',
  undo: 'Undo: $t(changes:{{what}})',
  redo: 'Redo: $t(changes:{{what}})',
  selectedDeleted: 'The span you had selected was deleted in another window or tab ($t(changes:{{what}})).',
  nothingToUndo: 'Nothing to undo',
  nothingToRedo: 'Nothing to redo',
  cannotUndo:
    'Cannot undo “$t(changes:{{what}})”: it cannot be undone, and undo stops there rather than undo something older. To take it back, restore a backup from before it (Settings → Backups).',

  labelSpan: 'Label “{{text}}” as {{label}}',
  labelSpanTrimmed: 'Label “{{text}}” as {{label}}, trimmed {{cut}} (undo keeps them)',
  labelSpanTrimmedSpaces: 'Label “{{text}}” as {{label}}, trimmed spaces (undo keeps them)',
  alreadyLabelled: '“{{text}}” is already labelled {{label}}',
  alreadyThisLabel: 'The span is already {{label}}',
  relabelSpan: 'Relabel “{{text}}” as {{label}}',
  deleteSpan: 'Delete “{{text}}”',
  deleteSpanLinks_one: 'Delete “{{text}}” and 1 link',
  deleteSpanLinks_other: 'Delete “{{text}}” and {{count}} links',

  markRegions_one: 'Mark 1 region of {{docId}} as not article text',
  markRegions_other: 'Mark {{count}} regions of {{docId}} as not article text',
  markRegionsInside_one: 'Mark 1 region of {{docId}} as not article text; {{inside}} of your spans are inside (kept)',
  markRegionsInside_other: 'Mark {{count}} regions of {{docId}} as not article text; {{inside}} of your spans are inside (kept)',
  unmarkRegion: 'Unmark a region of {{docId}}: it is article text again',

  rejectSuggestion: 'Reject the suggestion “{{text}}” ({{label}}): it will not be suggested here again',
  alreadyRejectedSuggestion: 'The suggestion “{{text}}” ({{label}}) is already rejected',
  acceptSuggestions_one: 'Accept 1 {{label}} suggestion in {{docId}}',
  acceptSuggestions_other: 'Accept {{count}} {{label}} suggestions in {{docId}}',
  noSuggestionsLeft: 'No {{label}} suggestions left in {{docId}}',

  labelOccurrences_one: 'Label 1 occurrence of “{{text}}” as {{label}}',
  labelOccurrences_other: 'Label {{count}} occurrences of “{{text}}” as {{label}}',
  labelOccurrencesDocs_other: 'Label {{count}} occurrences of “{{text}}” as {{label}} in {{docs}} documents',
  labelOccurrencesSkipped_one: 'Label 1 occurrence of “{{text}}” as {{label}} ({{skipped}} already were)',
  labelOccurrencesSkipped_other: 'Label {{count}} occurrences of “{{text}}” as {{label}} ({{skipped}} already were)',
  nothingToLabel: 'Nothing to label: every occurrence of “{{text}}” is already {{label}}',

  createRelation: 'Link {{role}}: “{{from}}” → “{{to}}”',
  deleteRelation: 'Unlink {{role}}: “{{from}}” → “{{to}}”',

  createEntity: 'Create entity {{name}} ({{type}})',
  entityExists: 'Entity {{name}} ({{type}}) already exists',
  linkEntity_one: 'Link 1 mention to {{name}}',
  linkEntity_other: 'Link {{count}} mentions to {{name}}',
  linkEntityMoved_one: 'Link 1 mention to {{name}} (moved from another entity)',
  linkEntityMoved_other: 'Link {{count}} mentions to {{name}} ({{moved}} moved from another entity)',
  unlinkEntity: 'Unlink a mention from {{name}}',
  renameEntity: 'Rename entity {{from}} to {{to}}',
  mergeEntities_one: 'Merge {{from}} into {{into}} (1 link moved)',
  mergeEntities_other: 'Merge {{from}} into {{into}} ({{count}} links moved)',

  acceptCandidate: 'Accept “{{text}}” as {{label}}',
  acceptCandidateFrom: 'Accept “{{text}}” as {{label}} ({{sources}})',
  alreadyGold: '“{{text}}” is already in gold as {{label}}',
  rejectCandidate: 'Reject “{{text}}” as {{label}}',
  rejectCandidateLinks_one: 'Reject “{{text}}” as {{label}} (and its gold link)',
  rejectCandidateLinks_other: 'Reject “{{text}}” as {{label}} (and its {{count}} gold links)',
  alreadyRejected: '“{{text}}” as {{label}} is already rejected',
  acceptAgreed_one: 'Accept 1 agreed span in {{docId}}',
  acceptAgreed_other: 'Accept {{count}} agreed spans in {{docId}}',
  acceptAgreedLinks: 'Accept {{spans}} agreed span(s) and {{links}} agreed link(s) in {{docId}}',
  noAgreed: 'No agreed spans or links left to accept',
  acceptLink: 'Accept link {{role}}: “{{from}}” → “{{to}}”',
  linkAlreadyGold: '“{{from}}” → “{{to}}” is already linked in gold as {{role}}',
  adjudicate: 'Adjudicate {{annotators}} (at least {{min}} agree)',

  importFiles: 'Import {{documents}} new document(s) and {{spans}} new span(s)',
  mergeProject: 'Merge the project {{from}}',
  labelSchema: 'Change the label schema',
  restoreBackup: 'Restore the backup {{name}}',
  mergeMeetings_one: 'Merge 1 meeting mention into the event “{{name}}”',
  mergeMeetings_other: 'Merge {{count}} meeting mentions into the event “{{name}}”',
  splitMeeting_one: 'Split 1 meeting mention out of its event',
  splitMeeting_other: 'Split {{count}} meeting mentions out of their events',
  importFilesNamed: 'Import {{files}}',
  mergeLinks: 'Merge links from {{from}}'
}
