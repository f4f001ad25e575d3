import { KubesimError } from '../core/errors.js';

/** A request target: where a client connects and what it asks for. */
export interface Target {
  readonly scheme: 'http' | 'https';
  /** Lower case, IPv6 without brackets. */
  readonly host: string;
  readonly port: number;
  /** Path and query, `/` at least. */
  readonly path: string;
}

/**
 * Parses a request URL as a client would: `http://web:8080/x`, `web/x` (http implied),
 * `https://10.96.0.1`, `http://[::1]:8080/`. The default ports are 80 and 443. Anything else
 * (another scheme, no host, a port outside 1-65535) is a scenario mistake, reported clearly.
 * Uses the WHATWG URL parser, which touches nothing outside the process.
 */
export function parseTarget(url: string): Target {
  const text = url.trim();
  const withScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`;
  // The WHATWG parser forgives `http:///x` (host "x"); a client would not.
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:[/?#]|$)/.test(withScheme)) {
    throw new KubesimError(`cannot parse the URL "${url}": it names no host`);
  }
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new KubesimError(`cannot parse the URL "${url}": expected http://HOST[:PORT][/PATH]`);
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') {
    throw new KubesimError(`cannot send to "${url}": kubesim simulates http and https requests only`);
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === '') throw new KubesimError(`cannot parse the URL "${url}": it names no host`);
  const port = parsed.port === '' ? (scheme === 'https' ? 443 : 80) : Number(parsed.port);
  if (port === 0) throw new KubesimError(`cannot parse the URL "${url}": port 0 is not a port to connect to`);
  return { scheme, host, port, path: `${parsed.pathname || '/'}${parsed.search}` };
}
