import { ApiError } from '../../shared/errors'

/** What a failed operation reports in a dialog: the message, then each problem (e.g. one per bad line). */
export interface Failure {
  message: string
  details: string[]
}

export function toFailure(err: unknown): Failure {
  return { message: err instanceof Error ? err.message : String(err), details: err instanceof ApiError ? err.details : [] }
}

export function FailureResult({ failure, className = '' }: { failure: Failure; className?: string }) {
  return (
    <div className={`result error ${className}`} role="alert">
      <p>{failure.message}</p>
      {failure.details.length > 1 && (
        <ul>
          {failure.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
