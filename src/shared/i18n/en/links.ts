/** Links made by dragging from span to span, and the live parts of the links views (English reference). */
export const links = {
  dragCancelled: 'Link cancelled',
  chooserLabel: 'Choose the role of the link',
  chooserPrompt: 'Link “{{from}}” → “{{to}}” as',
  cancel: 'Cancel'
}
