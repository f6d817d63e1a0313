import { render, screen, act } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { changeLocale, createI18n } from '../../src/renderer/i18n'
import { useT } from '../../src/renderer/use-t'

function Probe() {
  const t = useT()
  return <button type="button">{t('common:close')}</button>
}

describe('i18n in components', () => {
  it('renders from the catalogue and re-renders in Korean when the language changes, remembering the choice', async () => {
    const i18n = createI18n('en')
    render(
      <I18nextProvider i18n={i18n}>
        <Probe />
      </I18nextProvider>
    )
    expect(screen.getByRole('button').textContent).toBe('Close')
    await act(() => changeLocale(i18n, 'ko'))
    expect(screen.getByRole('button').textContent).toBe('닫기')
    expect(document.documentElement.lang).toBe('ko')
    expect(localStorage.getItem('spanmark.locale')).toBe('ko')
  })

  it('a missing key throws in tests', () => {
    const i18n = createI18n('en')
    // @ts-expect-error: the key is not in the catalogue (and typed keys reject it at compile time)
    expect(() => i18n.t('common:noSuchKey')).toThrow(/missing key/)
  })
})
