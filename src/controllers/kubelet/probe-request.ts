/**
 * The HTTP request of an httpGet probe (pkg/probe/http/request.go NewRequestForHTTPGetAction): its
 * URL (formatURL) and the headers that go over the wire. The kubelet's client is Go's net/http
 * with keep-alives and compression off, so the server sees `Host`, `User-Agent: kube-probe/1.33`
 * (unless the probe sets its own, or an empty one to send none), `Connection: close`, then the
 * probe's headers in Go's sorted order, with `Accept: *\/*` unless the probe sets Accept (an empty
 * Accept sends none).
 */
import type { Probe } from '../../api/types.js';
import type { HttpHeaders } from '../../images/behaviour.js';

export type HttpGetAction = NonNullable<Probe['httpGet']>;

/** `kube-probe/<major>.<minor>` of the simulated version (request.go userAgent). */
export const PROBE_USER_AGENT = 'kube-probe/1.33';

/** A URL as the prober uses it: the parts it dials and the text Go prints in errors. */
export interface ProbeUrl {
  readonly scheme: string;
  /** URL.Hostname(): the host without port or IPv6 brackets. */
  readonly hostname: string;
  /** URL.Host as written (`10.244.0.5:8080`, `example.com`). */
  readonly host: string;
  /** The port it dials (the scheme's default when the URL has none). */
  readonly port: number;
  /** What the request line carries: the path (`/` when empty) and the query. */
  readonly requestURI: string;
  /** URL.String(). */
  readonly text: string;
}

/** The request before it is sent: its URL, the Host header the probe set, and its other headers. */
export interface ProbeRequest {
  readonly url: ProbeUrl;
  /** req.Host: the probe's own `Host` header, else empty (the URL's host is sent). */
  readonly hostHeader: string;
  /** http.Header: canonical names → values, in the order they were added. */
  readonly header: ReadonlyMap<string, readonly string[]>;
}

/** Go's net.JoinHostPort. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * request.go formatURL: the path (which may carry a query) parsed as a URL reference, with the
 * scheme and host:port set. Go's URL.String adds the `/` a relative path lacks.
 */
export function formatURL(scheme: string, host: string, port: number, path: string): ProbeUrl {
  const hostPort = joinHostPort(host, port);
  return urlOf(scheme, hostPort, splitReference(path));
}

/** request.go NewRequestForHTTPGetAction, for a resolved port. */
export function newRequestForHTTPGetAction(action: HttpGetAction, podIP: string, port: number): ProbeRequest {
  const scheme = (action.scheme ?? '').toLowerCase() || 'http';
  const url = formatURL(scheme, action.host || podIP, port, action.path ?? '');
  return newProbeRequest(url, v1HeaderToHTTPHeader(action.httpHeaders ?? []));
}

/** request.go newProbeRequest: the default User-Agent and Accept, and req.Host from a Host header. */
export function newProbeRequest(
  url: ProbeUrl,
  headers: ReadonlyMap<string, readonly string[]>,
): ProbeRequest {
  const header = new Map(headers);
  if (!header.has('User-Agent')) header.set('User-Agent', [PROBE_USER_AGENT]);
  if (!header.has('Accept')) header.set('Accept', ['*/*']);
  else if ((header.get('Accept')![0] ?? '') === '') header.delete('Accept');
  return { url, hostHeader: header.get('Host')?.[0] ?? '', header };
}

/** request.go v1HeaderToHTTPHeader: http.Header.Add for each, with canonical names. */
export function v1HeaderToHTTPHeader(
  list: ReadonlyArray<{ readonly name: string; readonly value: string }>,
): Map<string, string[]> {
  const header = new Map<string, string[]>();
  for (const { name, value } of list) {
    const key = canonicalMIMEHeaderKey(name);
    const values = header.get(key);
    if (values) values.push(value);
    else header.set(key, [value]);
  }
  return header;
}

/** Headers net/http writes itself, never from the header map (request.go reqWriteExcludeHeader). */
const EXCLUDED = new Set(['Host', 'User-Agent', 'Content-Length', 'Transfer-Encoding', 'Trailer']);

/**
 * The headers on the wire, as net/http's Request.write sends them: Host, User-Agent (none when
 * set empty), `Connection: close` (keep-alives are off), then the header map sorted by name.
 */
export function wireHeaders(
  url: ProbeUrl,
  hostHeader: string,
  header: ReadonlyMap<string, readonly string[]>,
): HttpHeaders {
  const out: Array<readonly [string, string]> = [['Host', hostHeader || url.host]];
  const agent = header.get('User-Agent')?.[0] ?? '';
  if (agent !== '') out.push(['User-Agent', agent]);
  const connection = header.get('Connection') ?? [];
  if (!connection.some((v) => /(^|,)\s*close\s*(,|$)/i.test(v))) out.push(['Connection', 'close']);
  for (const name of [...header.keys()].sort()) {
    if (EXCLUDED.has(name)) continue;
    for (const value of header.get(name)!) out.push([name, value]);
  }
  return out;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * textproto.CanonicalMIMEHeaderKey: `foo-bAR` → `Foo-Bar`; a name with a byte that is not a
 * token character is returned unchanged.
 */
export function canonicalMIMEHeaderKey(name: string): string {
  if (!TOKEN.test(name)) return name;
  let out = '';
  let upper = true;
  for (const c of name) {
    out += upper ? c.toUpperCase() : c.toLowerCase();
    upper = c === '-';
  }
  return out;
}

/**
 * Go's Client following a Location header: the reference resolved against the request's URL
 * (URL.ResolveReference); undefined when it is not one the prober can follow.
 */
export function resolveLocation(base: ProbeUrl, location: string): ProbeUrl | undefined {
  const loc = location.split('#')[0]!;
  const absolute = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(loc);
  if (absolute) {
    const scheme = absolute[1]!.toLowerCase();
    const rest = absolute[2]!;
    if (!rest.startsWith('//')) return undefined;
    return authorityURL(scheme, rest.slice(2));
  }
  if (loc.startsWith('//')) return authorityURL(base.scheme, loc.slice(2));
  const ref = splitReference(loc);
  const basePath = base.requestURI.split('?')[0]!;
  if (ref.path === '') {
    const query = ref.query ?? (base.requestURI.includes('?') ? base.requestURI.split('?')[1] : undefined);
    return urlOf(base.scheme, base.host, { path: basePath, query });
  }
  const joined = ref.path.startsWith('/')
    ? ref.path
    : basePath.slice(0, basePath.lastIndexOf('/') + 1) + ref.path;
  return urlOf(base.scheme, base.host, { path: removeDotSegments(joined), query: ref.query });
}

function authorityURL(scheme: string, rest: string): ProbeUrl | undefined {
  const end = rest.search(/[/?]/);
  const host = end < 0 ? rest : rest.slice(0, end);
  if (host === '') return undefined;
  const ref = splitReference(end < 0 ? '' : rest.slice(end));
  return urlOf(scheme, host, { path: ref.path === '' ? '' : removeDotSegments(ref.path), query: ref.query });
}

interface Reference {
  readonly path: string;
  readonly query?: string | undefined;
}

function splitReference(text: string): Reference {
  const noFragment = text.split('#')[0]!;
  const q = noFragment.indexOf('?');
  return q < 0 ? { path: noFragment } : { path: noFragment.slice(0, q), query: noFragment.slice(q + 1) };
}

function urlOf(scheme: string, host: string, ref: Reference): ProbeUrl {
  const { hostname, port } = splitHost(host, scheme);
  const path = ref.path !== '' && !ref.path.startsWith('/') ? `/${ref.path}` : ref.path;
  const query = ref.query !== undefined && ref.query !== '' ? `?${ref.query}` : '';
  return {
    scheme,
    hostname,
    host,
    port,
    requestURI: (path || '/') + query,
    text: `${scheme}://${host}${path}${query}`,
  };
}

function splitHost(host: string, scheme: string): { hostname: string; port: number } {
  const m = /^\[([^\]]*)\](?::(\d*))?$/.exec(host) ?? /^([^:]*)(?::(\d*))?$/.exec(host);
  const hostname = m ? m[1]! : host;
  const explicit = m?.[2] ? Number(m[2]) : undefined;
  return { hostname, port: explicit ?? (scheme === 'https' ? 443 : 80) };
}

/** RFC 3986 5.2.4, as Go's resolvePath does it (a trailing `/`, `.` or `..` keeps the slash). */
function removeDotSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const last = i === segments.length - 1;
    if (s === '.' || s === '..') {
      if (s === '..' && out.length > 1) out.pop();
      if (last) out.push('');
      continue;
    }
    out.push(s);
  }
  const joined = out.join('/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}
