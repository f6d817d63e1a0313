/**
 * Desktop conventions (issue 10): the application menus (native and in-app share these labels),
 * projects, dropping files on the window, closing while busy. English is the reference catalogue.
 */
export const desktop = {
  menu: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    help: 'Help',
    newProject: 'New project…',
    openProject: 'Open project…',
    recentProjects: 'Recent projects',
    noRecent: 'No recent projects',
    import: 'Import…',
    export: 'Export…',
    merge: 'Merge project…',
    meetingsExport: 'Export meetings…',
    dataset: 'Build dataset…',
    restore: 'Restore from backup…',
    closePane: 'Close pane',
    quit: 'Quit Spanmark',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    labels: 'Labels…',
    settings: 'Settings…',
    agreement: 'Agreement',
    meetings: 'Meetings',
    reload: 'Reload',
    devTools: 'Developer tools',
    actualSize: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    shortcuts: 'Keyboard shortcuts',
    about: 'About Spanmark'
  },
  topBar: {
    annotator: 'Annotator:',
    notSet: '(not set)',
    changeAnnotator: 'Change annotator'
  },
  project: {
    openTitle: 'Open project',
    newTitle: 'New project',
    newDefaultName: 'New project.sqlite',
    filterName: 'Spanmark projects',
    switched: 'Opened {{name}}.',
    webOnlyServer: 'This server works on one project; the desktop app opens others.'
  },
  drop: {
    hint: 'Drop .txt or .jsonl files to import them',
    refused_one: '{{names}} was not imported: only .txt and .jsonl files can be dropped here.',
    refused_other: '{{names}} were not imported: only .txt and .jsonl files can be dropped here.',
    reading: 'Reading file {{current}} of {{total}}: {{name}} ({{lines}} lines, {{size}})',
    saving: 'Checking and saving {{total}} files…',
    progressLabel: 'Import progress',
    done_one: 'Imported {{count}} new document from the dropped files.',
    done_other: 'Imported {{count}} new documents from the dropped files.',
    failed: 'The dropped files were not imported: {{message}}',
    busy: 'An import is already running; drop the files again when it has finished.'
  },
  close: {
    title: 'Spanmark',
    message: 'An import is still running.',
    detail: 'If you close Spanmark now, the import stops and none of it is saved; the project stays as it was before the import.',
    cancel: 'Keep working',
    closeAnyway: 'Close anyway'
  }
}
