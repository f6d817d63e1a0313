import { errorDetails, errorText } from '../error-text'
import type { UiText } from '../state/status'
import { useUiText } from '../ui-text'

/** What a failed operation reports in a dialog: the message, then each problem (e.g. one per bad line). */
export interface Failure {
  message: UiText
  details: UiText[]
}

export function toFailure(err: unknown): Failure {
  return { message: errorText(err), details: errorDetails(err) }
}

export function FailureResult({ failure, className = '' }: { failure: Failure; className?: string }) {
  const show = useUiText()
  return (
    <div className={`result error ${className}`} role="alert">
      <p>{show(failure.message)}</p>
      {failure.details.length > 1 && (
        <ul>
          {failure.details.map((d, i) => (
            <li key={i}>{show(d)}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
