/**
 * The UI's translations, one namespace per area of the app, in English (the reference) and Korean.
 * Pure data: the renderer feeds it to i18next, the Electron main process uses it for native menus.
 * Add a namespace: write en/<ns>.ts, ko/<ns>.ts (typed Catalogue<typeof en>), and list it in both maps below.
 */
import { common as enCommon } from './en/common'
import { common as koCommon } from './ko/common'
import { desktop as enDesktop } from './en/desktop'
import { desktop as koDesktop } from './ko/desktop'
import { app as enApp } from './en/app'
import { app as koApp } from './ko/app'
import { pane as enPane } from './en/pane'
import { pane as koPane } from './ko/pane'
import { status as enStatus } from './en/status'
import { status as koStatus } from './ko/status'
import { search as enSearch } from './en/search'
import { search as koSearch } from './ko/search'
import { review as enReview } from './en/review'
import { review as koReview } from './ko/review'
import { agreement as enAgreement } from './en/agreement'
import { agreement as koAgreement } from './ko/agreement'
import { dialogs as enDialogs } from './en/dialogs'
import { dialogs as koDialogs } from './ko/dialogs'
import { occurrences as enOccurrences } from './en/occurrences'
import { occurrences as koOccurrences } from './ko/occurrences'
import { entities as enEntities } from './en/entities'
import { entities as koEntities } from './ko/entities'
import { meetings as enMeetings } from './en/meetings'
import { meetings as koMeetings } from './ko/meetings'

import { shortcuts as enShortcuts } from './en/shortcuts'
import { shortcuts as koShortcuts } from './ko/shortcuts'
import { labels as enLabels } from './en/labels'
import { labels as koLabels } from './ko/labels'
import { settings as enSettings } from './en/settings'
import { settings as koSettings } from './ko/settings'
import { links as enLinks } from './en/links'
import { links as koLinks } from './ko/links'
import { screens as enScreens } from './en/screens'
import { screens as koScreens } from './ko/screens'
import { errors as enErrors } from './en/errors'
import { errors as koErrors } from './ko/errors'
import { overlays as enOverlays } from './en/overlays'
import { overlays as koOverlays } from './ko/overlays'
import { changes as enChanges } from './en/changes'
import { changes as koChanges } from './ko/changes'
import { labelling as enLabelling } from './en/labelling'
import { labelling as koLabelling } from './ko/labelling'

export const LOCALES = ['en', 'ko'] as const
export type Locale = (typeof LOCALES)[number]

export const resources = {
  en: {
    shortcuts: enShortcuts,
    common: enCommon,
    desktop: enDesktop,
    app: enApp,
    pane: enPane,
    status: enStatus,
    search: enSearch,
    review: enReview,
    agreement: enAgreement,
    dialogs: enDialogs,
    occurrences: enOccurrences,
    entities: enEntities,
    meetings: enMeetings,
    labels: enLabels,
    settings: enSettings,
    links: enLinks,
    screens: enScreens,
    errors: enErrors,
    overlays: enOverlays,
    changes: enChanges,
    labelling: enLabelling,
  },
  ko: {
    shortcuts: koShortcuts,
    common: koCommon,
    desktop: koDesktop,
    app: koApp,
    pane: koPane,
    status: koStatus,
    search: koSearch,
    review: koReview,
    agreement: koAgreement,
    dialogs: koDialogs,
    occurrences: koOccurrences,
    entities: koEntities,
    meetings: koMeetings,
    labels: koLabels,
    settings: koSettings,
    links: koLinks,
    screens: koScreens,
    errors: koErrors,
    overlays: koOverlays,
    changes: koChanges,
    labelling: koLabelling,
  }
} as const

export type Namespace = keyof (typeof resources)['en']
export const NAMESPACES = Object.keys(resources.en) as Namespace[]

/** The locale to start in when the user has not chosen one: Korean for any ko* system locale, else English. */
export function localeFor(systemLanguages: readonly string[]): Locale {
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    if (base === 'ko') return 'ko'
    if (base === 'en') return 'en'
  }
  return 'en'
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
