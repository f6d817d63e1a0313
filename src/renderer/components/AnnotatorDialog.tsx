import { useState, type FormEvent } from 'react'
import { annotatorName } from '../../shared/schemas'
import { useApp } from '../state/context'
import { Modal } from './Modal'
import { useT } from '../use-t'
import { zodText } from '../error-text'
import { useUiText } from '../ui-text'

/** Asks for the annotator name once; it is saved in the user's preferences. */
export function AnnotatorDialog() {
  const current = useApp((s) => s.annotator)
  const setAnnotator = useApp((s) => s.setAnnotator)
  const setDialog = useApp((s) => s.setDialog)
  const [name, setName] = useState(current ?? '')
  const [error, setError] = useState<string | null>(null)
  const t = useT()
  const show = useUiText()

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const parsed = annotatorName.safeParse(name)
    if (!parsed.success) {
      setError(show(zodText(parsed.error)))
      return
    }
    void setAnnotator(parsed.data)
  }

  return (
    <Modal title={t('app:annotator.title')} onClose={() => current && setDialog(null)}>
      <form onSubmit={submit}>
        <p>{t('app:annotator.intro')}</p>
        <label className="field">
          {t('app:annotator.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={64} autoComplete="username" />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          {current && (
            <button type="button" onClick={() => setDialog(null)}>
              {t('common:cancel')}
            </button>
          )}
          <button type="submit" className="primary">
            {t('app:annotator.save')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
