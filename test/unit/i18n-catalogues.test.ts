import { describe, expect, it } from 'vitest'
import { localeFor, LOCALES, NAMESPACES, resources } from '../../src/shared/i18n'

type Tree = { [key: string]: string | Tree }

/** Leaf keys as dotted paths, with plural suffixes folded (key_one / key_other → key). */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

const fold = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '')
const variables = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort()

describe('translation catalogues', () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: Korean has every English key, no extra ones, no empty strings, the same {{variables}}`, () => {
      const en = leaves(resources.en[ns] as Tree)
      const ko = leaves(resources.ko[ns] as Tree)
      const enKeys = new Set([...en.keys()].map(fold))
      const koKeys = new Set([...ko.keys()].map(fold))
      expect([...enKeys].filter((k) => !koKeys.has(k)), 'missing in ko').toEqual([])
      expect([...koKeys].filter((k) => !enKeys.has(k)), 'missing in en').toEqual([])
      for (const [locale, map] of [['en', en], ['ko', ko]] as const) {
        for (const [key, text] of map) expect(text.trim(), `${locale} ${ns}:${key} is empty`).not.toBe('')
      }
      for (const [key, text] of ko) {
        const enText = en.get(key) ?? en.get(`${fold(key)}_other`) ?? en.get(fold(key)) ?? ''
        expect(variables(text), `ko ${ns}:${key} variables`).toEqual(variables(enText))
      }
    })
  }

  it('both locales list the same namespaces', () => {
    for (const locale of LOCALES) expect(Object.keys(resources[locale]).sort()).toEqual([...NAMESPACES].sort())
  })

  it('the first start follows the system locale', () => {
    expect(localeFor(['ko-KR', 'en-US'])).toBe('ko')
    expect(localeFor(['en-GB'])).toBe('en')
    expect(localeFor(['fr-FR', 'ko'])).toBe('ko')
    expect(localeFor(['de-DE'])).toBe('en')
    expect(localeFor([])).toBe('en')
  })
})
