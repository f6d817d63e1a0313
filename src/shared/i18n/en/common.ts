/** Strings shared by many screens (buttons, words). English is the reference catalogue: every key here must exist in ko/. */
export const common = {
  appName: 'Spanmark',
  close: 'Close',
  cancel: 'Cancel',
  ok: 'OK',
  save: 'Save',
  apply: 'Apply',
  language: 'Language',
  languages: { en: 'English', ko: '한국어' }
}
