/**
 * How a process answers one HTTP request from its behaviour's data: the route for the path, the
 * answer of that route's timeline that applies at the process's age and to the request's headers,
 * and what the client sees (status, body, redirect Location, how long the headers take).
 */
import type { HttpAnswer, HttpHeaders, ImageBehaviour } from './behaviour.js';
import type { HttpResult } from './process.js';

const NOT_HTTP: HttpResult = Object.freeze({ kind: 'not-http' });

/**
 * The answer of a listening process to `GET path` on `port`, `ageMs` after it started, on a pod
 * whose hostname is `hostname` (request-dependent answers use it). A port that serves gRPC only
 * does not speak HTTP/1.
 */
export function httpAnswer(
  behaviour: ImageBehaviour,
  port: number,
  path: string,
  headers: HttpHeaders | undefined,
  ageMs: number,
  hostname = 'localhost',
): HttpResult {
  const http = behaviour.http;
  if (!http) return NOT_HTTP;
  const grpc = behaviour.grpc;
  if (grpc && !grpc.http && grpc.ports.includes(port)) return NOT_HTTP;
  const queryAt = path.indexOf('?');
  const bare = (queryAt < 0 ? path : path.slice(0, queryAt)) || '/';
  const route = http.routes.find((r) => r.path === bare);
  let answer = (route && answerAt(route.answers, ageMs, headers)) ?? http.otherwise;
  if (answer.respond) {
    const query = new URLSearchParams(queryAt < 0 ? '' : path.slice(queryAt + 1));
    answer = answer.respond({ path: bare, query, hostname, ageMs });
  }
  const result: { kind: 'response'; status: number; body: string; location?: string; delayMs?: number } = {
    kind: 'response',
    status: answer.status,
    body: answer.body ?? '',
  };
  if (answer.location !== undefined) result.location = answer.location;
  if (answer.delayMs) result.delayMs = answer.delayMs;
  return result;
}

/**
 * The answer of a timeline as of `ageMs`: the last one whose `when` headers the request carries
 * and whose `fromMs` has passed. A change `fromMs` after the start is seen only once more time
 * than that has passed: the process acts a moment after the instant it started (SEMANTICS.md
 * "Probes"), so a probe tick exactly `fromMs` after its start still sees the earlier answer.
 * Undefined when no answer applies to these headers (the route's `otherwise` answers then).
 */
export function answerAt<A extends { readonly fromMs?: number; readonly when?: HttpAnswer['when'] }>(
  answers: readonly A[],
  ageMs: number,
  headers?: HttpHeaders,
): A | undefined {
  let current: A | undefined;
  for (const a of answers) {
    if (a.when !== undefined && !carries(headers, a.when)) continue;
    if (!a.fromMs || a.fromMs < ageMs) current = a;
  }
  return current;
}

/** Whether the request carries every header of `when` (names case-insensitive, values exact). */
export function carries(headers: HttpHeaders | undefined, when: Readonly<Record<string, string>>): boolean {
  for (const [name, value] of Object.entries(when)) {
    if (!headers?.some(([n, v]) => v === value && n.toLowerCase() === name)) return false;
  }
  return true;
}
