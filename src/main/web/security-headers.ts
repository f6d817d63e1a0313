import { RENDERER_CSP } from '../../shared/csp'

export { RENDERER_CSP }

/**
 * Sent with every answer of web mode, errors included. There are deliberately
 * no Access-Control-* headers: no other origin may read anything.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY'
}

/** A complete HTTP/1.1 error answer as raw bytes, for a socket Node's parser gave up on. */
export function rawErrorResponse(status: number, reason: string): string {
  const body = `${reason}\n`
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close'
  }
  return `HTTP/1.1 ${status} ${reason}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${body}`
}
