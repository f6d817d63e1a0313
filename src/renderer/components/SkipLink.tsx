import { useApp } from '../state/context'
import { useT } from '../use-t'

/** The first Tab stop: jumps past the menus and the document list to the active pane's text. */
export function SkipLink() {
  const t = useT()
  const activePane = useApp((s) => s.activePane)
  const setStatus = useApp((s) => s.setStatus)
  return (
    <a
      className="skip-link"
      href="#document-text"
      onClick={(e) => {
        e.preventDefault()
        const text =
          document.querySelector<HTMLElement>(`[data-testid="pane-${activePane}"] [data-doc-text]`) ?? document.querySelector<HTMLElement>('[data-doc-text]')
        if (text) text.focus()
        else setStatus({ kind: 'info', message: { key: 'shortcuts:noText' } })
      }}
    >
      {t('shortcuts:skipToText')}
    </a>
  )
}
