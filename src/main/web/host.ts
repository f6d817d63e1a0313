import { isIP } from 'node:net'

/** Where web mode listens unless `--host` says otherwise. */
export const DEFAULT_HOST = '127.0.0.1'

/** The reason a --host value cannot be used, or null when it can. */
export function hostProblem(host: string): string | null {
  if (host === '') return '--host needs an address, e.g. --host 192.168.1.20.'
  if (host === '0.0.0.0' || host === '::' || host === '[::]')
    return (
      `--host ${host} would listen on every network interface, and Spanmark checks the Host header of each request ` +
      'against the one address it listens on. Name the address of one interface instead, e.g. --host 192.168.1.20.'
    )
  if (isIP(host) === 0 && !/^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$/.test(host))
    return `--host must be an IP address or a host name, not ${JSON.stringify(host)}.`
  return null
}

/** Whether an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** The host part of a URL for an address: IPv6 in brackets. */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host
}

/**
 * The Host header values accepted for a server bound to `host`:`port`: that address
 * only (and `localhost` beside 127.0.0.1). Anything else is a name that resolved to us
 * by accident or by DNS rebinding.
 */
export function allowedHostHeaders(host: string, port: number): ReadonlySet<string> {
  const names = [urlHost(host)]
  if (host === '127.0.0.1') names.push('localhost')
  return new Set(names.map((n) => `${n}:${port}`.toLowerCase()))
}

/** What `spanmark serve --host` prints to stderr when others can reach the server; null for a loopback address. */
export function hostWarning(host: string, port: number): string | null {
  if (isLoopback(host)) return null
  return (
    `WARNING: listening on ${urlHost(host)}:${port}, which other machines may reach. Anyone who can reach it and has ` +
    'the URL below (it carries the token) can read and change this project. Stop the server (Ctrl+C) when you are done.'
  )
}
