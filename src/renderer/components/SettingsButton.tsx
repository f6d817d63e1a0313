import { useApp } from '../state/context'
import { useT } from '../use-t'

/** The gear at the right of the top bar: opens Settings. */
export function SettingsButton() {
  const setDialog = useApp((s) => s.setDialog)
  const t = useT()
  return (
    <button type="button" className="gear-button" aria-label={t('settings:open')} title={t('settings:openTitle')} onClick={() => setDialog('settings')}>
      <span aria-hidden="true">⚙</span>
    </button>
  )
}
