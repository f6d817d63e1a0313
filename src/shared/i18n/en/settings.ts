/** The Settings screen (SettingsDialog.tsx): annotator, language, theme, particle trimming, backup folder (English reference). */
export const settings = {
  title: 'Settings',
  open: 'Settings',
  openTitle: 'Settings: annotator, language, theme, particles, backups',
  annotator: {
    legend: 'Annotator',
    intro: 'Every span you make belongs to this name. It is remembered on this computer.',
    name: 'Annotator name',
    save: 'Change annotator',
    saved: 'Now annotating as {{name}}.'
  },
  lang: {
    legend: 'Language',
    intro: 'The whole interface switches at once. Remembered in this browser or app.'
  },
  theme: {
    legend: 'Theme',
    system: 'Same as the system',
    light: 'Light',
    dark: 'Dark',
    now: 'Now: {{theme}}',
    lightNow: 'light',
    darkNow: 'dark'
  },
  trim: {
    legend: 'Particles',
    label: 'Trim particles when labelling',
    intro: 'Labelling 올트먼의 saves 올트먼: spaces, punctuation and a trailing particle are left out. The same switch as in the label bar; it applies to all your projects.'
  },
  backups: {
    legend: 'Backups',
    folder: 'Backups of this project go to:',
    count_one: '1 backup there (the newest {{keep}} are kept).',
    count_other: '{{count}} backups there (the newest {{keep}} are kept).',
    defaultFolder: 'This is the default folder, beside the project file.',
    customFolder: 'A folder chosen for this project.',
    unavailable: 'The chosen folder {{folder}} cannot be found, so backups go to the default folder until it is back or you choose another.',
    webNote: 'Web mode: this is a folder on the computer that runs the Spanmark server, not necessarily this one.',
    newFolder: 'New backup folder (full path)',
    placeholder: '/home/you/spanmark-backups',
    use: 'Use this folder',
    useDefault: 'Use the default folder',
    hint: 'The folder must exist and be writable. A backup is taken there at once; backups already taken stay where they are.',
    changed: 'Backups now go to {{folder}}.',
    loading: 'Reading the backup folder…'
  }
}
