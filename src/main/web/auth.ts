import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** A fresh random token for one run of web mode: 32 bytes, base64url (43 characters). */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Routes that browsers cannot give a header (EventSource): the token may come as ?token= there, and only there. */
export const QUERY_TOKEN_ROUTES: ReadonlySet<string> = new Set(['/api/events'])

export const UNAUTHORISED_MESSAGE =
  'This request does not carry the Spanmark token of this run. Open the URL that `spanmark serve` printed ' +
  '(it ends in #token=…); a new run of `spanmark serve` prints a new one.'

/** The token a request presents: `Authorization: Bearer <token>`, or ?token= on a QUERY_TOKEN_ROUTES path. */
export function presentedToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization
  if (header !== undefined) {
    const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header.trim())
    return m?.[1] ?? null
  }
  if (QUERY_TOKEN_ROUTES.has(url.pathname)) return url.searchParams.get('token')
  return null
}

/**
 * Whether a request presents this run's token. Compares SHA-256 digests with
 * timingSafeEqual, so neither the content nor the length of the token leaks through timing.
 */
export function tokenMatches(expected: string, presented: string | null): boolean {
  if (presented === null || presented === '') return false
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(presented).digest()
  return timingSafeEqual(a, b)
}

/** A checker bound to one run's token: `authorised(req, url)` for every /api/ route. */
export function createAuthoriser(token: string): (req: IncomingMessage, url: URL) => boolean {
  if (token.length < 16) throw new Error('A web-mode token needs at least 16 characters.')
  return (req, url) => tokenMatches(token, presentedToken(req, url))
}
