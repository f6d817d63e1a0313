import { useState, type FormEvent } from 'react'
import { annotatorName } from '../../shared/schemas'
import { useApp } from '../state/context'
import { Modal } from './Modal'

/** Asks for the annotator name once; it is saved in the user's preferences. */
export function AnnotatorDialog() {
  const current = useApp((s) => s.annotator)
  const setAnnotator = useApp((s) => s.setAnnotator)
  const setDialog = useApp((s) => s.setDialog)
  const [name, setName] = useState(current ?? '')
  const [error, setError] = useState<string | null>(null)

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const parsed = annotatorName.safeParse(name)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Invalid name')
      return
    }
    void setAnnotator(parsed.data)
  }

  return (
    <Modal title="Who is annotating?" onClose={() => current && setDialog(null)}>
      <form onSubmit={submit}>
        <p>Every span you make belongs to this name. It is remembered on this computer.</p>
        <label className="field">
          Annotator name
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
              Cancel
            </button>
          )}
          <button type="submit" className="primary">
            Save name
          </button>
        </div>
      </form>
    </Modal>
  )
}
