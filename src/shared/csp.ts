const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
]

/** Content-Security-Policy for the renderer: no inline or remote script, no plugins, no framing. */
export const RENDERER_CSP = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ')

/** The same policy for a <meta> tag, where frame-ancestors is not allowed. Injected at build time. */
export const RENDERER_META_CSP = DIRECTIVES.join('; ')
