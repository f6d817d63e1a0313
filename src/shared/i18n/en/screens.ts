/** Layout and the status line (issue 15, Screens): sidebar, pane header overflow, status line, label bar help (English reference). */
export const screens = {
  sidebar: {
    hide: 'Hide sidebar',
    show: 'Show sidebar',
    toggle: 'Show or hide sidebar'
  },
  pane: {
    more: 'More',
    moreTitle: 'Controls that do not fit in this pane’s header',
    moreGroup: 'More for {{docId}}'
  },
  status: {
    dismiss: 'Dismiss',
    dismissTitle: 'Dismiss this message',
    savedAt: 'Saved at {{time}}',
    span: '{{label}} by {{annotator}}, code points {{start}}–{{end}}: “{{text}}”'
  },
  labelBar: {
    help: 'How to label',
    helpTitle: 'Show how to label and the keys'
  }
}
