/**
 * An httpGet probe (pkg/probe/http/http.go DoHTTPProbe with the kubelet's client): a GET with the
 * probe's headers, redirects followed as Go's net/http Client follows them with the kubelet's
 * RedirectChecker (followNonLocalRedirects=false), and the result by status:
 *   200-299 Success; 300-399 Warning (`Probe terminated redirects, Response body: …`, the kubelet
 *   records a ProbeWarning event and counts a success); anything else Failure
 *   (`HTTP probe failed with statuscode: 500`, never the body); a transport error is a Failure
 *   with Go's error text.
 * Redirects: 301, 302, 303, 307 and 308 with a Location are followed when the new URL has the same
 * hostname as the first request (another port counts as the same host); a redirect to another
 * host is not followed, so its 3xx answer is the result (the Warning). At most 10 requests are
 * sent: a 10th answer that redirects again fails with `Get "<Location>": stopped after 10
 * redirects`. The client's timeout (timeoutSeconds) covers every request of the chain: when the
 * answers' delays add up to it, the probe fails with `Get "<url>": context deadline exceeded
 * (Client.Timeout exceeded while awaiting headers)`. HTTPS skips certificate checks, so it
 * behaves as HTTP here. The probe takes the answers' delays, at most the timeout (the outcome's
 * `delayMs`): the prober learns its result that much after the tick. Simplification: each answer
 * is the one the process gives at the instant of the tick, whatever the delays before it.
 */
import type { HttpHeaders } from '../../images/behaviour.js';
import type { HttpResult } from '../../images/process.js';
import { after } from './probe-outcome.js';
import {
  type HttpGetAction,
  joinHostPort,
  newRequestForHTTPGetAction,
  type ProbeRequest,
  type ProbeUrl,
  resolveLocation,
  wireHeaders,
} from './probe-request.js';
import type { Outcome } from './prober.js';

/** What answers an HTTP request on a port (a container's process). */
export interface HttpTarget {
  httpGet(port: number, path: string, headers?: HttpHeaders): HttpResult;
}

/** The process listening on `hostname:port` as seen from the node, if any. */
export type Reach = (hostname: string, port: number) => HttpTarget | undefined;

/** http.go maxRespBodyLength: at most 10 KiB of the body is read. */
const MAX_BODY = 10 * 1024;

/** Go's Client.Do default: at most 10 requests (via holds 10 when the 11th would be made). */
const MAX_REQUESTS = 10;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A prepared request per probe object and pod IP (stored pods are frozen, so the action is stable). */
const prepared = new WeakMap<
  HttpGetAction,
  { ip: string; port: number; request: ProbeRequest; wire: HttpHeaders }
>();

function prepare(action: HttpGetAction, podIP: string, port: number) {
  let p = prepared.get(action);
  if (!p || p.ip !== podIP || p.port !== port) {
    const request = newRequestForHTTPGetAction(action, podIP, port);
    p = { ip: podIP, port, request, wire: wireHeaders(request.url, request.hostHeader, request.header) };
    prepared.set(action, p);
  }
  return p;
}

/** The probe of `action` (its port already resolved) against the pod at `podIP`. */
export function httpProbe(
  action: HttpGetAction,
  port: number,
  podIP: string,
  timeoutMs: number,
  reach: Reach,
): Outcome {
  const { request, wire } = prepare(action, podIP, port);
  return doHTTPProbe(request, timeoutMs, reach, wire);
}

/** http.go DoHTTPProbe over Go's Client.Do with the kubelet's redirect checker. */
export function doHTTPProbe(
  request: ProbeRequest,
  timeoutMs: number,
  reach: Reach,
  firstWire: HttpHeaders = wireHeaders(request.url, request.hostHeader, request.header),
): Outcome {
  const first = request.url;
  let url = first;
  let wire = firstWire;
  let elapsed = 0;
  for (let sent = 1; ; sent++) {
    const answer = reach(url.hostname, url.port)?.httpGet(url.port, url.requestURI, wire);
    if (!answer || answer.kind === 'refused') {
      return after(
        elapsed,
        failure(
          `Get "${url.text}": dial tcp ${joinHostPort(url.hostname, url.port)}: connect: connection refused`,
        ),
      );
    }
    if (answer.kind === 'not-http') return after(elapsed, failure(`Get "${url.text}": EOF`));
    elapsed += answer.delayMs ?? 0;
    if (elapsed >= timeoutMs) {
      // The client gives up at its timeout, not when the slow answer would have come.
      return after(
        timeoutMs,
        failure(
          `Get "${url.text}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
        ),
      );
    }
    const location = answer.location;
    const next = REDIRECTS.has(answer.status) && location ? resolveLocation(url, location) : undefined;
    if (next && next.hostname === first.hostname) {
      // RedirectChecker: the same host is followed, up to Go's default of 10 requests.
      if (sent >= MAX_REQUESTS)
        return after(elapsed, failure(`Get "${location}": stopped after 10 redirects`));
      wire = redirectWire(request, url, next, location!);
      url = next;
      continue;
    }
    // Not followed (no redirect status, no Location, or another host): this answer is the result.
    return after(elapsed, judge(answer.status, answer.body));
  }
}

/** http.go: the status decides; the body is the output of a success or a redirect warning. */
function judge(status: number, body: string): Outcome {
  const text = body.length > MAX_BODY ? body.slice(0, MAX_BODY) : body;
  if (status >= 200 && status < 300) return { result: 'Success', output: text };
  if (status >= 300 && status < 400) {
    return { result: 'Warning', output: `Probe terminated redirects, Response body: ${text}` };
  }
  // Until https://issue.k8s.io/99425 is addressed, the failure message must not contain the body.
  return failure(`HTTP probe failed with statuscode: ${status}`);
}

/**
 * The headers of a followed redirect (Go's Client.Do): the first request's headers again, a
 * `Referer` of the previous URL (none from https to http), and the probe's own Host header only
 * when the Location was relative.
 */
function redirectWire(
  request: ProbeRequest,
  previous: ProbeUrl,
  next: ProbeUrl,
  location: string,
): HttpHeaders {
  const header = new Map(request.header);
  // refererForURL: a Referer the probe sets itself stays.
  const fromTLS = previous.scheme === 'https' && next.scheme === 'http';
  if (!fromTLS && !header.has('Referer')) header.set('Referer', [previous.text]);
  const absolute = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location);
  const hostHeader =
    request.hostHeader && request.hostHeader !== request.url.host && !absolute ? request.hostHeader : '';
  return wireHeaders(next, hostHeader, header);
}

function failure(output: string): Outcome {
  return { result: 'Failure', output };
}
