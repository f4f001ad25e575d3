import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../core/clock.js';
import type { ContainerInvocation } from './behaviour.js';
import { ImageCatalog } from './catalog.js';
import { parseImageBehaviour } from './declared.js';
import { SimProcess } from './process.js';
import { parseImageReference } from './reference.js';

function start(yaml: string, clock: SimClock, invocation: ContainerInvocation = { name: 'c' }): SimProcess {
  const behaviour = parseImageBehaviour('shop:1.0', yaml, 'test.yaml').behaviour(invocation);
  return new SimProcess({ clock, behaviour, invocation, label: 'test' }).start();
}

function builtin(image: string, invocation: ContainerInvocation, clock: SimClock): SimProcess {
  const pulled = new ImageCatalog().pull(parseImageReference(image));
  if (!pulled.ok) throw new Error(pulled.message);
  return new SimProcess({
    clock,
    behaviour: pulled.image.behaviour(invocation),
    invocation,
    label: 'test',
  }).start();
}

function errorOf(yaml: string): string {
  try {
    parseImageBehaviour('shop:1.0', yaml, 'shop.yaml');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error');
}

function runUntil(clock: SimClock, ms: number): void {
  while (clock.fireNext(ms)) {}
  clock.advanceTo(ms);
}

describe('HTTP answers for probes: location, delay, when', () => {
  it('answers a redirect with its Location and a slow answer with its delay, per path and over time', () => {
    const clock = new SimClock();
    const p = start(
      `
listen: [8080]
http:
  /: {status: 302, location: /login}
  /healthz:
    - status: 200
    - after: 30s
      status: 200
      delay: 3s
  otherwise: {status: 301, location: "http://example.com/"}
`,
      clock,
    );
    expect(p.httpGet(8080, '/')).to.deep.equal({
      kind: 'response',
      status: 302,
      body: '',
      location: '/login',
    });
    expect(p.httpGet(8080, '/healthz')).to.deep.equal({ kind: 'response', status: 200, body: '' });
    expect(p.httpGet(8080, '/x')).to.include({ status: 301, location: 'http://example.com/' });
    runUntil(clock, 31_000);
    expect(p.httpGet(8080, '/healthz')).to.deep.equal({
      kind: 'response',
      status: 200,
      body: '',
      delayMs: 3000,
    });
  });

  it('answers by header: the last answer whose `when` headers the request carries, else `otherwise`', () => {
    const clock = new SimClock();
    const p = start(
      `
listen: [8080]
http:
  /healthz:
    - status: 401
    - when: {Custom-Header: Awesome}
      status: 200
  /admin: {status: 200, when: {x-token: secret}}
`,
      clock,
    );
    expect(p.httpGet(8080, '/healthz')).to.include({ status: 401 });
    expect(p.httpGet(8080, '/healthz', [['custom-header', 'Awesome']])).to.include({ status: 200 });
    expect(p.httpGet(8080, '/healthz', [['Custom-Header', 'awesome']])).to.include({ status: 401 });
    expect(p.httpGet(8080, '/admin', [['X-Token', 'secret']])).to.include({ status: 200 });
    expect(p.httpGet(8080, '/admin')).to.include({ status: 404 });
  });

  it('keeps the first answer until more than `after` has passed', () => {
    const clock = new SimClock();
    const p = start('listen: [8080]\nhttp:\n  /healthz: [{status: 200}, {after: 10s, status: 500}]\n', clock);
    runUntil(clock, 10_000);
    expect(p.httpGet(8080, '/healthz')).to.include({ status: 200 });
    runUntil(clock, 10_001);
    expect(p.httpGet(8080, '/healthz')).to.include({ status: 500 });
  });

  for (const [yaml, message] of [
    [
      'http:\n  /: {status: 200, location: /x}\n',
      'shop.yaml:2:30: image "shop:1.0": http /: "location" needs a redirect status (301, 302, 303, 307 or 308), not 200',
    ],
    [
      'http:\n  /: {status: 302, location: "ftp://x"}\n',
      'shop.yaml:2:30: image "shop:1.0": http / location: "ftp://x" is not a path (/new) or an http(s) URL',
    ],
    [
      'http:\n  /: {status: 200, delay: 3}\n',
      'shop.yaml:2:27: image "shop:1.0": http / delay: "3" is not a duration (like 10s, 1m30s, 500ms)',
    ],
    [
      'http:\n  /: {status: 200, when: {"bad header": x}}\n',
      'shop.yaml:2:27: image "shop:1.0": http / when: "bad header" is not a header name',
    ],
    [
      'http:\n  otherwise: {status: 200, when: {a: b}}\n',
      'shop.yaml:2:28: image "shop:1.0": http otherwise: unknown key "when" (expected one of: status, body, location, delay)',
    ],
    [
      'http:\n  /: [{status: 200}, {status: 500}]\n',
      'shop.yaml:2:22: image "shop:1.0": http /: each "after" must be later than the one before',
    ],
  ] as const) {
    it(`rejects ${JSON.stringify(yaml)}`, () => {
      expect(errorOf(yaml)).to.equal(message);
    });
  }
});

describe('gRPC health servers', () => {
  it('serves the health service declared with `grpc`, its port added to the ports it listens on', () => {
    const clock = new SimClock();
    const p = start(
      `
listen: [8080]
grpc:
  port: 9090
  status: [SERVING, {after: 30s, status: NOT_SERVING}]
  services:
    readiness: {status: SERVING, delay: 2s}
`,
      clock,
    );
    expect(p.listens(9090)).to.equal(true);
    expect(p.grpcHealth(9090, '')).to.deep.equal({ kind: 'status', status: 'SERVING', delayMs: 0 });
    expect(p.grpcHealth(9090, 'readiness')).to.deep.equal({
      kind: 'status',
      status: 'SERVING',
      delayMs: 2000,
    });
    expect(p.grpcHealth(9090, 'liveness')).to.deep.equal({ kind: 'unknown-service' });
    expect(p.grpcHealth(8080, '')).to.deep.equal({ kind: 'not-grpc' });
    expect(p.grpcHealth(7000, '')).to.deep.equal({ kind: 'refused' });
    // A gRPC-only port does not speak HTTP/1.
    expect(p.httpGet(9090, '/')).to.deep.equal({ kind: 'not-http' });
    runUntil(clock, 30_001);
    expect(p.grpcHealth(9090, '')).to.include({ status: 'NOT_SERVING' });
  });

  it('adds the gRPC port to the container’s declared ports, and knows a server without health service', () => {
    const clock = new SimClock();
    const p = start('grpc: {port: 9090, health: false}\n', clock, {
      name: 'c',
      ports: [{ containerPort: 8080 }],
    });
    expect(p.listens(8080) && p.listens(9090)).to.equal(true);
    expect(p.grpcHealth(9090, '')).to.deep.equal({ kind: 'unimplemented' });
  });

  for (const [yaml, message] of [
    ['grpc: {status: SERVING}\n', 'shop.yaml:1:7: image "shop:1.0": grpc needs a "port"'],
    [
      'grpc: {port: 9090, status: HEALTHY}\n',
      'shop.yaml:1:28: image "shop:1.0": grpc status must be one of SERVING, NOT_SERVING, UNKNOWN, not "HEALTHY"',
    ],
    [
      'grpc: {port: 99999}\n',
      'shop.yaml:1:14: image "shop:1.0": grpc port must be a whole number from 1 to 65535, not 99999',
    ],
    [
      'grpc: {port: 9090, health: false, status: SERVING}\n',
      'shop.yaml:1:43: image "shop:1.0": grpc: a server without health service has no "status" or "services"',
    ],
  ] as const) {
    it(`rejects ${JSON.stringify(yaml)}`, () => {
      expect(errorOf(yaml)).to.equal(message);
    });
  }

  it('runs agnhost grpc-health-checking: SERVING for --delay-unhealthy-sec, then NOT_SERVING', () => {
    const clock = new SimClock();
    const p = builtin(
      'registry.k8s.io/e2e-test-images/agnhost:2.40',
      {
        name: 'c',
        args: ['grpc-health-checking', '--port=9090', '--delay-unhealthy-sec', '15', '--service=liveness'],
      },
      clock,
    );
    expect(p.listens(9090) && p.listens(8080)).to.equal(true);
    expect(p.grpcHealth(9090, 'liveness')).to.include({ status: 'SERVING' });
    expect(p.grpcHealth(9090, '')).to.deep.equal({ kind: 'unknown-service' });
    expect(p.httpGet(8080, '/make-not-serving')).to.include({ status: 200 });
    runUntil(clock, 15_001);
    expect(p.grpcHealth(9090, 'liveness')).to.include({ status: 'NOT_SERVING' });
  });

  it('runs agnhost grpc-health-checking with its defaults: port 5000, SERVING forever', () => {
    const clock = new SimClock();
    const p = builtin(
      'registry.k8s.io/e2e-test-images/agnhost:2.40',
      { name: 'c', args: ['grpc-health-checking'] },
      clock,
    );
    runUntil(clock, 3_600_000);
    expect(p.grpcHealth(5000, '')).to.include({ status: 'SERVING' });
  });

  it('runs the docs’ etcd: gRPC health and HTTP on the client port, HTTP on the peer and metrics ports', () => {
    const clock = new SimClock();
    const p = builtin(
      'registry.k8s.io/etcd:3.5.1-0',
      {
        name: 'etcd',
        command: [
          '/usr/local/bin/etcd',
          '--data-dir',
          '/var/lib/etcd',
          '--listen-client-urls',
          'http://0.0.0.0:2379',
          '--advertise-client-urls',
          'http://127.0.0.1:2379',
          '--listen-metrics-urls=http://127.0.0.1:2381',
          '--log-level',
          'debug',
        ],
      },
      clock,
    );
    expect(p.grpcHealth(2379, '')).to.include({ status: 'SERVING' });
    expect(p.grpcHealth(2379, 'liveness')).to.deep.equal({ kind: 'unknown-service' });
    expect(p.httpGet(2379, '/health')).to.include({ status: 200, body: '{"health":"true","reason":""}' });
    expect(p.httpGet(2381, '/version')).to.include({ body: '{"etcdserver":"3.5.1","etcdcluster":"3.5.0"}' });
    expect(p.grpcHealth(2381, '')).to.deep.equal({ kind: 'not-grpc' });
    expect(p.listens(2380)).to.equal(true);
  });
});
