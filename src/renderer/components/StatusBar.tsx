import { useApp } from '../state/context'
import { timeOf } from '../state/status'
import { showBidiControls } from '../text/bidi'

/** When the last change was saved, or what went wrong. */
export function StatusBar() {
  const status = useApp((s) => s.status)
  const session = useApp((s) => s.session)
  const count = useApp((s) => s.documents.length)
  // Messages quote document text (labels' spans, titles): bidi controls in it are shown, not obeyed.
  const text = showBidiControls(status.kind === 'saved' ? `Saved at ${timeOf(status.at)} — ${status.message}` : status.message)

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
          {session.projectName} · {count} documents
        </span>
      )}
    </footer>
  )
}
