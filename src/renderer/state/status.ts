/** The status line: what happened last, for people. */
export type Status =
  | { kind: 'idle'; message: string }
  | { kind: 'saving'; message: string }
  | { kind: 'saved'; message: string; at: string }
  | { kind: 'info'; message: string }
  | { kind: 'error'; message: string }

export function timeOf(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString()
}
