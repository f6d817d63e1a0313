import { Modal } from '../Modal'
import { useT } from '../../use-t'

interface ConfirmDialogProps {
  title: string
  message: string
  confirm: string
  onConfirm(): void
  onCancel(): void
}

/** Asks before (focus starts on Cancel) a review step that needs a person's word (replacing a gold span, marking reviewed with undecided differences). */
export function ConfirmDialog({ title, message, confirm, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useT()
  return (
    <Modal title={title} onClose={onCancel}>
      <p>{message}</p>
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Modal>
  )
}
