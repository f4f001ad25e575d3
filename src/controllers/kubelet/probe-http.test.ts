import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { HttpHeaders } from '../../images/behaviour.js';
import type { HttpResult } from '../../images/process.js';
import { doHTTPProbe, type HttpTarget, httpProbe, type Reach } from './probe-http.js';
import { formatURL, newProbeRequest, v1HeaderToHTTPHeader } from './probe-request.js';
import type { Outcome } from './prober.js';

/** What a handler sees of a request: its URL path and query, its headers (Host apart, as Go's r.Header). */
interface Req {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly host: string;
  readonly header: HttpHeaders;
}
type Handler = (r: Req) => HttpResult;

/** An httptest.Server stand-in: a process on `port` of 127.0.0.1 that runs the handler. */
function serve(handler: Handler): HttpTarget {
  return {
    httpGet(_port, path, headers = []) {
      const [p, q] = path.split('?');
      const host = headers.find(([n]) => n === 'Host')?.[1] ?? '';
      return handler({
        path: p!,
        query: new URLSearchParams(q ?? ''),
        host,
        header: headers.filter(([n]) => n !== 'Host'),
      });
    },
  };
}

const ok = (status: number, body = ''): HttpResult => ({ kind: 'response', status, body });
const redirect = (status: number, location: string): HttpResult => ({
  kind: 'response',
  status,
  body: '',
  location,
});

/** Servers by port on 127.0.0.1, like httptest servers on their own ports. */
function reachOf(servers: Record<number, HttpTarget>): Reach {
  return (hostname, port) => (hostname === '127.0.0.1' ? servers[port] : undefined);
}

function probe(
  handler: Handler,
  headers: Array<{ name: string; value: string }> = [],
  path = '',
  timeoutMs = 1000,
): Outcome {
  const request = newProbeRequest(formatURL('http', '127.0.0.1', 4000, path), v1HeaderToHTTPHeader(headers));
  return doHTTPProbe(request, timeoutMs, reachOf({ 4000: serve(handler) }));
}

// http_test.go handlers
const handleReq =
  (status: number, body: string): Handler =>
  () =>
    ok(status, body);
const headerEchoHandler: Handler = (r) => ok(200, r.header.map(([k, v]) => `${k}: ${v}\n`).join(''));
const headerCounterHandler: Handler = (r) => ok(200, String(new Set(r.header.map(([k]) => k)).size));
const headerKeysNamesHandler: Handler = (r) =>
  ok(200, [...new Set(r.header.map(([k]) => k))].sort().join('\n'));
const redirectHandler =
  (status: number, bad: boolean): Handler =>
  (r) =>
    r.path === '/' ? redirect(status, '/new') : bad && r.path === '/new' ? ok(500, '\n') : ok(200);
const redirectHandlerWithBody =
  (status: number, body: string): Handler =>
  (r) =>
    r.path === '/' ? redirect(status, '/new') : ok(status, body);
/** WriteHeader(-1) panics in the handler: the server drops the connection. */
const brokenHandler: Handler = () => ({ kind: 'not-http' });
const slowHandler: Handler = () => ({ kind: 'response', status: 200, body: '', delayMs: 3000 });

type Row = {
  handler: Handler;
  headers?: Record<string, string>;
  health: 'Success' | 'Failure' | 'Warning';
  accBody?: string;
  notBody?: string;
};

describe('the httpGet probe (pkg/probe/http/http.go)', () => {
  // http_test.go TestHTTPProbeChecker
  const rows: Row[] = [
    { handler: handleReq(200, 'ok body'), health: 'Success', accBody: 'ok body' },
    { handler: headerCounterHandler, headers: {}, health: 'Success', accBody: '3' },
    {
      handler: headerKeysNamesHandler,
      headers: {},
      health: 'Success',
      accBody: 'Accept\nConnection\nUser-Agent',
    },
    {
      handler: headerEchoHandler,
      headers: { 'Accept-Encoding': 'gzip' },
      health: 'Success',
      accBody: 'Accept-Encoding: gzip',
    },
    {
      handler: headerEchoHandler,
      headers: { 'Accept-Encoding': 'foo' },
      health: 'Success',
      accBody: 'Accept-Encoding: foo',
    },
    {
      handler: headerEchoHandler,
      headers: { 'Accept-Encoding': '' },
      health: 'Success',
      accBody: 'Accept-Encoding: \n',
    },
    {
      handler: headerEchoHandler,
      headers: { 'X-Muffins-Or-Cupcakes': 'muffins' },
      health: 'Success',
      accBody: 'X-Muffins-Or-Cupcakes: muffins',
    },
    {
      handler: headerEchoHandler,
      headers: { 'User-Agent': 'foo/1.0' },
      health: 'Success',
      accBody: 'User-Agent: foo/1.0',
    },
    { handler: headerEchoHandler, headers: { 'User-Agent': '' }, health: 'Success', notBody: 'User-Agent' },
    { handler: headerEchoHandler, headers: {}, health: 'Success', accBody: 'User-Agent: kube-probe/' },
    {
      handler: headerEchoHandler,
      headers: { 'User-Agent': 'foo/1.0', Accept: 'text/html' },
      health: 'Success',
      accBody: 'Accept: text/html',
    },
    {
      handler: headerEchoHandler,
      headers: { 'User-Agent': 'foo/1.0', Accept: 'foo/*' },
      health: 'Success',
      accBody: 'User-Agent: foo/1.0',
    },
    {
      handler: headerEchoHandler,
      headers: { 'X-Muffins-Or-Cupcakes': 'muffins', Accept: 'foo/*' },
      health: 'Success',
      accBody: 'X-Muffins-Or-Cupcakes: muffins',
    },
    { handler: headerEchoHandler, headers: { Accept: 'foo/*' }, health: 'Success', accBody: 'Accept: foo/*' },
    { handler: headerEchoHandler, headers: { Accept: '' }, health: 'Success', notBody: 'Accept:' },
    {
      handler: headerEchoHandler,
      headers: { 'User-Agent': 'foo/1.0', Accept: '' },
      health: 'Success',
      notBody: 'Accept:',
    },
    { handler: headerEchoHandler, headers: {}, health: 'Success', accBody: 'Accept: */*' },
    {
      handler: (r) => ok(200, r.host),
      headers: { Host: 'muffins.cupcakes.org' },
      health: 'Success',
      accBody: 'muffins.cupcakes.org',
    },
    { handler: brokenHandler, health: 'Failure' },
    { handler: handleReq(500, 'fail body'), health: 'Failure' },
    { handler: slowHandler, health: 'Failure' },
    { handler: redirectHandler(301, false), health: 'Success' },
    { handler: redirectHandler(301, true), health: 'Failure' },
    { handler: redirectHandler(302, false), health: 'Success' },
    { handler: redirectHandler(302, true), health: 'Failure' },
    { handler: redirectHandler(307, false), health: 'Success' },
    { handler: redirectHandler(307, true), health: 'Failure' },
    { handler: redirectHandler(308, false), health: 'Success' },
    { handler: redirectHandler(308, true), health: 'Failure' },
    {
      handler: redirectHandlerWithBody(308, ''),
      health: 'Warning',
      accBody: 'Probe terminated redirects, Response body:',
    },
    {
      handler: redirectHandlerWithBody(308, 'ok body'),
      health: 'Warning',
      accBody: 'Probe terminated redirects, Response body: ok body',
    },
  ];
  rows.forEach((row, i) => {
    it(`TestHTTPProbeChecker case-${String(i).padStart(2, ' ')}: ${row.health}`, () => {
      const headers = Object.entries(row.headers ?? {}).map(([name, value]) => ({ name, value }));
      const outcome = probe(row.handler, headers);
      expect(outcome.result).to.equal(row.health);
      if (row.health !== 'Failure') {
        expect(outcome.output).to.include(row.accBody ?? '');
        if (row.notBody) expect(outcome.output).not.to.include(row.notBody);
      }
    });
  });

  // http_test.go TestHTTPProbeChecker_NonLocalRedirects, with the kubelet's followNonLocalRedirects=false
  const nonLocal: Handler = (r) => {
    switch (r.path) {
      case '/redirect':
        return redirect(302, r.query.get('loc') ?? '');
      case '/loop':
        return redirect(302, '/loop');
      case '/success':
        return ok(200);
      default:
        return ok(500, '\n');
    }
  };
  const newport = 'http://127.0.0.1:4001';
  for (const [desc, loc, expected] of [
    ['local success', '/success', 'Success'],
    ['local fail', '/fail', 'Failure'],
    ['newport success', `${newport}/success`, 'Success'],
    ['newport fail', `${newport}/fail`, 'Failure'],
    ['bogus nonlocal', 'http://0.0.0.0/fail', 'Warning'],
    ['redirect loop', '/loop', 'Failure'],
  ] as const) {
    it(`TestHTTPProbeChecker_NonLocalRedirects ${desc}-local: ${expected}`, () => {
      const path = `/redirect?loc=${encodeURIComponent(loc)}`;
      const request = newProbeRequest(formatURL('http', '127.0.0.1', 4000, path), new Map());
      const reach = reachOf({ 4000: serve(nonLocal), 4001: serve(nonLocal) });
      expect(doHTTPProbe(request, 30_000, reach).result).to.equal(expected);
    });
  }

  // http_test.go TestHTTPProbeChecker_HostHeaderPreservedAfterRedirect
  for (const [desc, host, expected] of [
    ['success', 'www.success.com', 'Success'],
    ['fail', 'www.fail.com', 'Failure'],
  ] as const) {
    it(`TestHTTPProbeChecker_HostHeaderPreservedAfterRedirect ${desc}: ${expected}`, () => {
      const handler: Handler = (r) =>
        r.path === '/redirect'
          ? redirect(302, '/success')
          : r.path === '/success'
            ? ok(r.host === 'www.success.com' ? 200 : 400)
            : ok(500);
      expect(probe(handler, [{ name: 'Host', value: host }], '/redirect').result).to.equal(expected);
    });
  }

  // http_test.go TestHTTPProbeChecker_PayloadTruncated / PayloadNormal
  it('reads at most 10 KiB of the body', () => {
    expect(probe(handleReq(200, 'a'.repeat(10 * 1024 + 1))).output).to.equal('a'.repeat(10 * 1024));
    expect(probe(handleReq(200, 'a'.repeat(10 * 1024 - 1))).output).to.equal('a'.repeat(10 * 1024 - 1));
  });

  describe('kubesim rows: the texts the kubelet records', () => {
    const action = { path: '/healthz', port: 8080, scheme: 'HTTP' };
    const pod =
      (handler: Handler): Reach =>
      (hostname, port) =>
        hostname === '10.244.0.5' && port === 8080 ? serve(handler) : undefined;

    it('fails a status outside 200-399 without the body', () => {
      expect(httpProbe(action, 8080, '10.244.0.5', 1000, pod(handleReq(503, 'down')))).to.deep.equal({
        result: 'Failure',
        output: 'HTTP probe failed with statuscode: 503',
      });
    });

    it('passes 200-299 and warns on a 3xx that is not followed', () => {
      expect(httpProbe(action, 8080, '10.244.0.5', 1000, pod(handleReq(204, ''))).result).to.equal('Success');
      expect(httpProbe(action, 8080, '10.244.0.5', 1000, pod(handleReq(304, 'cached')))).to.deep.equal({
        result: 'Warning',
        output: 'Probe terminated redirects, Response body: cached',
      });
    });

    it('does not follow a redirect to another host: a warning with the redirect’s body', () => {
      const handler: Handler = () => ({ ...redirect(302, 'https://login.example.com/'), body: 'see login' });
      expect(httpProbe(action, 8080, '10.244.0.5', 1000, pod(handler))).to.deep.equal({
        result: 'Warning',
        output: 'Probe terminated redirects, Response body: see login',
      });
    });

    it('follows same-host redirects: 10 requests at most', () => {
      // /r1 → /r2 → … ; a chain of 9 redirects ends on the 10th request.
      const chain =
        (hops: number): Handler =>
        (r) => {
          const n = Number(r.path.slice(2) || 0);
          return n < hops ? redirect(302, `/r${n + 1}`) : ok(200, 'done');
        };
      const at = (path: string, hops: number) =>
        doHTTPProbe(
          newProbeRequest(formatURL('http', '127.0.0.1', 4000, path), new Map()),
          1000,
          reachOf({ 4000: serve(chain(hops)) }),
        );
      expect(at('/r0', 9)).to.deep.equal({ result: 'Success', output: 'done' });
      expect(at('/r0', 10)).to.deep.equal({
        result: 'Failure',
        output: 'Get "/r10": stopped after 10 redirects',
      });
    });

    it('fails a redirect loop with Go’s error, naming the Location', () => {
      const loop: Handler = () => redirect(302, '/healthz');
      expect(httpProbe(action, 8080, '10.244.0.5', 1000, pod(loop))).to.deep.equal({
        result: 'Failure',
        output: 'Get "/healthz": stopped after 10 redirects',
      });
    });

    it('times out when the answer takes timeoutSeconds or longer', () => {
      const slow =
        (ms: number): Handler =>
        () => ({ ...ok(200), delayMs: ms });
      expect(httpProbe(action, 8080, '10.244.0.5', 1000, pod(slow(1500)))).to.deep.equal({
        result: 'Failure',
        output:
          'Get "http://10.244.0.5:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        delayMs: 1000,
      });
      expect(httpProbe(action, 8080, '10.244.0.5', 1000, pod(slow(1000))).result).to.equal('Failure');
      expect(httpProbe(action, 8080, '10.244.0.5', 1000, pod(slow(999))).result).to.equal('Success');
      expect(httpProbe(action, 8080, '10.244.0.5', 2000, pod(slow(1500))).result).to.equal('Success');
    });

    it('counts the timeout over the whole redirect chain, naming the request it waited for', () => {
      const handler: Handler = (r) =>
        r.path === '/healthz' ? { ...redirect(302, '/ready'), delayMs: 600 } : { ...ok(200), delayMs: 600 };
      const outcome = httpProbe(action, 8080, '10.244.0.5', 1000, pod(handler));
      expect(outcome.output).to.equal(
        'Get "http://10.244.0.5:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      );
      expect(outcome.delayMs).to.equal(1000);
      expect(httpProbe(action, 8080, '10.244.0.5', 2000, pod(handler))).to.deep.equal({
        result: 'Success',
        output: '',
        delayMs: 1200,
      });
    });

    // kubesim rows: when the prober learns the result (the client blocks until the answer or its timeout).
    it('takes the answers’ delays when they come in time, and the timeout when they do not', () => {
      const slow =
        (ms: number): Handler =>
        () => ({ ...ok(200), delayMs: ms });
      expect(httpProbe(action, 8080, '10.244.0.5', 2000, pod(slow(1500)))).to.deep.equal({
        result: 'Success',
        output: '',
        delayMs: 1500,
      });
      expect(httpProbe(action, 8080, '10.244.0.5', 2000, pod(slow(2000))).delayMs).to.equal(2000);
      expect(httpProbe(action, 8080, '10.244.0.5', 2000, pod(slow(90_000))).delayMs).to.equal(2000);
      expect(httpProbe(action, 8080, '10.244.0.5', 2000, pod(slow(0))).delayMs).to.equal(undefined);
      const failing: Handler = () => ({ kind: 'response', status: 500, body: 'down', delayMs: 700 });
      expect(httpProbe(action, 8080, '10.244.0.5', 2000, pod(failing))).to.deep.equal({
        result: 'Failure',
        output: 'HTTP probe failed with statuscode: 500',
        delayMs: 700,
      });
    });

    it('sends the Referer on a redirect, and the probe’s headers again', () => {
      const seen: HttpHeaders[] = [];
      const handler: Handler = (r) => {
        seen.push(r.header);
        return r.path === '/healthz' ? redirect(301, '/ready') : ok(200);
      };
      const withHeader = { ...action, httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }] };
      expect(httpProbe(withHeader, 8080, '10.244.0.5', 1000, pod(handler)).result).to.equal('Success');
      expect(seen[1]).to.deep.equal([
        ['User-Agent', 'kube-probe/1.33'],
        ['Connection', 'close'],
        ['Accept', '*/*'],
        ['Custom-Header', 'Awesome'],
        ['Referer', 'http://10.244.0.5:8080/healthz'],
      ]);
    });

    it('fails with the dialer’s error where nothing listens, also after a redirect to another port', () => {
      expect(httpProbe(action, 8080, '10.244.0.5', 1000, () => undefined).output).to.equal(
        'Get "http://10.244.0.5:8080/healthz": dial tcp 10.244.0.5:8080: connect: connection refused',
      );
      const handler: Handler = () => redirect(302, 'http://10.244.0.5:9090/healthz');
      expect(httpProbe(action, 8080, '10.244.0.5', 1000, pod(handler)).output).to.equal(
        'Get "http://10.244.0.5:9090/healthz": dial tcp 10.244.0.5:9090: connect: connection refused',
      );
    });

    it('treats HTTPS like HTTP (certificates are not checked)', () => {
      const https = { ...action, scheme: 'HTTPS' };
      expect(httpProbe(https, 8080, '10.244.0.5', 1000, pod(handleReq(200, 'ok'))).result).to.equal(
        'Success',
      );
      expect(httpProbe(https, 8080, '10.244.0.5', 1000, () => undefined).output).to.equal(
        'Get "https://10.244.0.5:8080/healthz": dial tcp 10.244.0.5:8080: connect: connection refused',
      );
    });
  });
});
