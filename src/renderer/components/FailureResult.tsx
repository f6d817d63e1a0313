import { ApiError } from '../../shared/errors'
import { errorDetails, errorText } from '../error-text'
import type { UiText } from '../state/status'
import { useUiText } from '../ui-text'

/** What a failed operation reports in a dialog: the message, then each problem (e.g. one per bad line). */
export interface Failure {
  message: UiText
  details: UiText[]
}

export function toFailure(err: unknown): Failure {
  const message = errorText(err)
  // A storage error's detail is SQLite's own code and words, for developers; a detail that repeats the message is left out.
  const details = err instanceof ApiError && err.code === 'storage' ? [] : errorDetails(err).filter((d) => JSON.stringify(d) !== JSON.stringify(message))
  return { message, details }
}

export function FailureResult({ failure, className = '' }: { failure: Failure; className?: string }) {
  const show = useUiText()
  return (
    <div className={`result error ${className}`} role="alert">
      <p>{show(failure.message)}</p>
      {failure.details.length > 0 && (
        <ul>
          {failure.details.map((d, i) => (
            <li key={i}>{show(d)}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
