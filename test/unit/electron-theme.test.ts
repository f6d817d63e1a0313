import { describe, expect, it } from 'vitest'
import { applyNativeTheme } from '../../src/main/electron/native-theme'
import { isDesktopState } from '../../src/shared/commands'

/** The theme chosen in Settings reaches Electron's nativeTheme through the desktop state channel. */
describe('the desktop theme', () => {
  it('the state channel accepts the three theme choices and nothing else', () => {
    for (const theme of ['system', 'light', 'dark']) expect(isDesktopState({ theme })).toBe(true)
    expect(isDesktopState({ theme: 'dark', language: 'ko', busy: false })).toBe(true)
    for (const theme of ['Dark', 'sepia', '', null, 1]) expect(isDesktopState({ theme }), String(theme)).toBe(false)
  })

  it('sets nativeTheme.themeSource from the reported choice and leaves it alone when none is reported', () => {
    // The electron module's nativeTheme, as far as the app uses it.
    const nativeTheme: { themeSource: 'system' | 'light' | 'dark' } = { themeSource: 'system' }
    applyNativeTheme(nativeTheme, { theme: 'dark' })
    expect(nativeTheme.themeSource).toBe('dark')
    applyNativeTheme(nativeTheme, { language: 'ko' })
    expect(nativeTheme.themeSource).toBe('dark')
    applyNativeTheme(nativeTheme, { theme: 'light' })
    expect(nativeTheme.themeSource).toBe('light')
    applyNativeTheme(nativeTheme, { theme: 'system' })
    expect(nativeTheme.themeSource).toBe('system')
    expect(() => applyNativeTheme(undefined, { theme: 'dark' })).not.toThrow()
  })
})
