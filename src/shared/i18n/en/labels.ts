/** The label bar, the Labels screen and the guideline panel (issue 10). */
export const labels = {
  bar: {
    toolbar: 'Labels',
    hint: 'Select text, then press a label key. Click a span to select it: a key relabels it, Delete removes it. Ctrl+Shift+A labels all other occurrences. Dashed outlines are suggestions: Enter accepts, Shift+Enter accepts all of that label, x rejects. Shift+I marks the selection as not article text. Ctrl+Z undoes, Ctrl+Shift+Z redoes.',
    allOccurrences: 'All occurrences…',
    allOccurrencesTitle: 'Find the other occurrences of the span just labelled (or the selected text) and label them in one step (Ctrl+Shift+A)',
    trim: 'Trim particles',
    trimTitle: 'When on, labelling 올트먼의 saves 올트먼: spaces, punctuation and a trailing particle are left out. One Ctrl+Z puts them back.',
    manage: 'Labels…',
    manageTitle: 'Add, edit, reorder and retire labels; export or import the label schema',
    buttonTitle: '{{name}} ({{key}}), key {{hotkey}}: {{guideline}}',
    shown: '{{name}} ({{key}}): {{guideline}}'
  },
  guidelines: {
    open: 'Guidelines',
    title: 'Labelling guidelines',
    none: 'No guideline yet: add one in the Labels screen.'
  },
  retiredName: '{{name}} (retired)',
  screen: {
    title: 'Labels',
    intro: 'The labels of this project, in the order of the label bar. A retired label keeps its spans (shown striped, marked “retired”) but is no longer offered.',
    list: 'Labels of this project',
    loading: 'Loading the labels…',
    retired: 'retired',
    spans_one: '{{count}} span',
    spans_other: '{{count}} spans',
    noGuideline: 'No guideline',
    hotkeyNone: 'no key',
    edit: 'Edit',
    editName: 'Edit {{name}}',
    up: 'Move up',
    upName: 'Move {{name}} up',
    down: 'Move down',
    downName: 'Move {{name}} down',
    retire: 'Retire',
    retireName: 'Retire {{name}}',
    unretire: 'Bring back',
    unretireName: 'Bring back {{name}}',
    rename: 'Rename key…',
    renameName: 'Rename the key of {{name}}',
    add: 'Add label',
    close: 'Close'
  },
  form: {
    addTitle: 'New label',
    editTitle: 'Edit {{name}}',
    key: 'Key',
    keyHelp: 'Written to files and the database, e.g. PLACE. Upper-case letters, digits and _.',
    name: 'Display name',
    color: 'Colour',
    contrast: 'Contrast {{light}}:1 on the light theme, {{dark}}:1 on the dark theme (at least 3:1 on both).',
    hotkey: 'Hotkey',
    hotkeyHelp: 'Press the key that should apply this label.',
    guideline: 'Guideline',
    guidelineHelp: 'A short description with examples; shown on hover and in the guideline panel.',
    save: 'Save',
    create: 'Add label',
    cancel: 'Cancel'
  },
  renameKey: {
    title: 'Rename the key {{key}}',
    newKey: 'New key for {{key}}',
    confirm_one: '{{count}} span moves from {{key}} to {{newKey}}, with the links and entities that use the key. This is one change.',
    confirm_other: '{{count}} spans move from {{key}} to {{newKey}}, with the links and entities that use the key. This is one change.',
    typeKey: 'Type the new key, then confirm.',
    apply: 'Rename',
    cancel: 'Cancel'
  },
  schema: {
    title: 'Share the schema',
    help: 'A schema file holds the labels and the link roles. Importing one adds new labels and updates existing ones by key; nothing is deleted, and a file with any problem changes nothing.',
    export: 'Export schema',
    import: 'Import schema file',
    imported: 'Imported {{file}}: {{added}} label(s) added, {{updated}} updated.'
  },
  done: {
    added: 'Added label {{name}} ({{key}}).',
    edited: 'Saved {{name}} ({{key}}).',
    moved: 'Moved {{name}}.',
    retired: 'Retired {{name}}: its spans are kept and marked.',
    unretired: 'Brought back {{name}}.',
    renamed_one: 'Renamed {{key}} to {{newKey}}: {{count}} span moved.',
    renamed_other: 'Renamed {{key}} to {{newKey}}: {{count}} spans moved.',
    exported: 'Saved the schema as {{file}}.'
  },
  problem: {
    keyFormat: '“{{key}}” is not a valid key: use 1 to 32 upper-case letters, digits and _, starting with a letter (e.g. PLACE).',
    keyTaken: 'There is already a label {{key}}: choose another key.',
    keySame: 'That is the current key: type a different one.',
    nameEmpty: 'The display name is empty.',
    nameLong: 'The display name is longer than 60 characters.',
    guidelineLong: 'The guideline is longer than 2,000 characters.',
    hotkeyNotSingle: 'Press a single printable key, such as 5 or q.',
    hotkeyReserved: '“{{hotkey}}” is already an app shortcut: choose another key.',
    hotkeyRole: '“{{hotkey}}” starts a link (a role key): choose another key.',
    hotkeyTaken: '“{{hotkey}}” is already used by {{other}}: choose another key.',
    colorFormat: '“{{color}}” is not a colour (#rrggbb).',
    colorLight: 'Too light to read on the light theme ({{ratio}}:1, needs 3:1): choose a darker colour.',
    colorDark: 'Too dark to read on the dark theme ({{ratio}}:1, needs 3:1): choose a lighter colour.'
  }
}
