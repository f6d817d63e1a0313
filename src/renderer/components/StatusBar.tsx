import { useApp } from '../state/context'
import { showBidiControls } from '../text/bidi'
import { formatTime, useLocale, useUiText } from '../ui-text'
import { useT } from '../use-t'

/** When the last change was saved, or what went wrong. */
export function StatusBar() {
  const status = useApp((s) => s.status)
  const session = useApp((s) => s.session)
  const count = useApp((s) => s.documents.length)
  const t = useT()
  const show = useUiText()
  const lng = useLocale()
  // Messages quote document text (labels' spans, titles): bidi controls in it are shown, not obeyed.
  const message = show(status.message)
  const text = showBidiControls(status.kind === 'saved' ? t('status:savedAt', { time: formatTime(status.at, lng), message }) : message)

  return (
    <footer className="status-bar">
      <span
        className={`status-message ${status.kind}`}
        role={status.kind === 'error' ? 'alert' : 'status'}
        aria-live="polite"
        data-testid="status"
      >
        {text}
      </span>
      {session && (
        <span className="status-project" title={session.projectPath}>
          {session.projectName} · {t('app:statusBar.documents', { count })}
        </span>
      )}
    </footer>
  )
}
