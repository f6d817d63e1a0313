import { useEffect, useState } from 'react'
import { useApp } from '../state/context'
import { agesOut, STATUS_AGE_MS, type Status } from '../state/status'
import { showBidiControls } from '../text/bidi'
import { formatTime, useLocale, useUiText } from '../ui-text'
import { useT } from '../use-t'

/**
 * When the last change was saved, or what went wrong. Info and saved messages age out after
 * STATUS_AGE_MS (a saved change keeps its time); an error stays until the next message or until
 * its Dismiss button is pressed.
 */
export function StatusBar() {
  const status = useApp((s) => s.status)
  const session = useApp((s) => s.session)
  const count = useApp((s) => s.documents.length)
  const t = useT()
  const show = useUiText()
  const lng = useLocale()
  // The status object this state is about: a new message starts fresh.
  const [gone, setGone] = useState<{ of: Status; why: 'aged' | 'dismissed' } | null>(null)
  const hidden = gone?.of === status ? gone.why : null

  useEffect(() => {
    if (!agesOut(status)) return
    const timer = setTimeout(() => setGone({ of: status, why: 'aged' }), STATUS_AGE_MS)
    return () => clearTimeout(timer)
  }, [status])

  // Messages quote document text (labels' spans, titles): bidi controls in it are shown, not obeyed.
  const text = hidden
    ? status.kind === 'saved' && hidden === 'aged'
      ? t('screens:status.savedAt', { time: formatTime(status.at, lng) })
      : ''
    : showBidiControls(status.kind === 'saved' ? t('status:savedAt', { time: formatTime(status.at, lng), message: show(status.message) }) : show(status.message))

  return (
    <footer className="status-bar">
      <span
        className={`status-message ${hidden ? 'aged' : status.kind}`}
        role={status.kind === 'error' && !hidden ? 'alert' : 'status'}
        aria-live="polite"
        data-testid="status"
      >
        {text}
      </span>
      {status.kind === 'error' && !hidden && (
        <button
          type="button"
          className="icon-button status-dismiss"
          aria-label={t('screens:status.dismiss')}
          title={t('screens:status.dismissTitle')}
          onClick={() => setGone({ of: status, why: 'dismissed' })}
        >
          ×
        </button>
      )}
      {session && (
        <span className="status-project" title={session.projectPath}>
          {session.projectName} · {t('app:statusBar.documents', { count })}
        </span>
      )}
    </footer>
  )
}
