import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../core/clock.js';
import { catalogFor } from './catalog.js';
import { declareImage, loadImageBehaviours, parseImageBehaviour } from './declared.js';
import { SimProcess } from './process.js';
import { parseImageReference } from './reference.js';

function behaviour(yaml: string, invocation = { name: 'c' }) {
  return parseImageBehaviour('shop:1.0', yaml, 'test.yaml').behaviour(invocation);
}

function errorOf(yaml: string): string {
  try {
    parseImageBehaviour('shop:1.0', yaml, { name: 'shop.feature', firstLine: 20 });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error');
}

function runUntil(clock: SimClock, ms: number): void {
  while (clock.fireNext(ms)) {}
  clock.advanceTo(ms);
}

describe('declared image behaviours (YAML)', () => {
  it('reads ports, HTTP answers that change over time, exit, memory, CPU and output', () => {
    const b = behaviour(`
listen: [8080, 9090]
http:
  /healthz:
    - status: 200
    - after: 30s
      status: 500
      body: down
  /: {status: 200, body: shop}
  otherwise: 404
exit: {after: 2m, code: 3}
memory: {start: 64Mi, grow: 1Mi, every: 10s, max: 128Mi}
cpu: 250m
stdout:
  - shop listening on :8080
  - {after: 5s, every: 10s, line: heartbeat}
stderr: [warming up]
`);
    expect(b.listen).to.deep.equal([8080, 9090]);
    expect(b.http).to.deep.equal({
      routes: [
        {
          path: '/healthz',
          answers: [
            { status: 200, body: '' },
            { fromMs: 30_000, status: 500, body: 'down' },
          ],
        },
        { path: '/', answers: [{ status: 200, body: 'shop' }] },
      ],
      otherwise: { status: 404, body: '' },
    });
    expect(b.exit).to.deep.equal({ afterMs: 120_000, code: 3 });
    expect(b.memoryBytes).to.equal(64 * 1024 * 1024);
    expect(b.memoryGrowth).to.deep.equal({
      bytes: 1024 * 1024,
      everyMs: 10_000,
      maxBytes: 128 * 1024 * 1024,
    });
    expect(b.cpuMillis).to.equal(250);
    expect(b.output).to.deep.equal([
      { afterMs: 0, stream: 'stdout', text: 'shop listening on :8080' },
      { afterMs: 0, stream: 'stderr', text: 'warming up' },
      { afterMs: 5000, stream: 'stdout', text: 'heartbeat', everyMs: 10_000 },
    ]);
    expect(b.sigterm).to.deep.equal({ action: 'exit', code: 0 });
    expect(b.filesystem).to.equal('busybox');
  });

  it('defaults to an unknown image: the declared ports, 200 everywhere, exit 0 on SIGTERM', () => {
    const b = behaviour('');
    expect(b).to.deep.include({ listen: 'declared', sigterm: { action: 'exit', code: 0 } });
    expect(b.http).to.deep.equal({ routes: [], otherwise: { status: 200, body: '' } });
    expect(behaviour('protocol: tcp\nlisten: 6379').http).to.equal(undefined);
  });

  it('reads SIGTERM handling', () => {
    expect(behaviour('sigterm: ignore').sigterm).to.deep.equal({ action: 'ignore' });
    expect(behaviour('sigterm: {after: 10s, code: 143}').sigterm).to.deep.equal({
      action: 'exit',
      code: 143,
      afterMs: 10_000,
    });
  });

  it('runs a shell command like busybox, with the container’s command over the image’s CMD', () => {
    const b = behaviour("command: 'while true; do echo tick; sleep 5; done'");
    expect(b).to.deep.include({ program: 'shell', sigterm: { action: 'ignore' } });
    expect(b.imageCommand).to.deep.equal({ cmd: ['sh', '-c', 'while true; do echo tick; sleep 5; done'] });
    const clock = new SimClock();
    const p = new SimProcess({ clock, behaviour: b, invocation: { name: 'c' }, label: 't' }).start();
    runUntil(clock, 12_000);
    expect(p.log.lines().map((l) => l.at)).to.deep.equal([0, 5000, 10_000]);
    const own = new SimProcess({
      clock,
      behaviour: b,
      invocation: { name: 'c', command: ['echo', 'mine'] },
      label: 't',
    }).start();
    runUntil(clock, 13_000);
    expect(own.log.lines().map((l) => l.text)).to.deep.equal(['mine']);
    expect(behaviour('entrypoint: [/app]\ncmd: [--port, "8080"]').imageCommand).to.deep.equal({
      entrypoint: ['/app'],
      cmd: ['--port', '8080'],
    });
  });

  it('lets a declared sigterm win over the shell’s own handling', () => {
    const b = behaviour("command: 'sleep 3600'\nsigterm: {after: 2s, code: 0}");
    const clock = new SimClock();
    const p = new SimProcess({ clock, behaviour: b, invocation: { name: 'c' }, label: 't' }).start();
    p.signal('SIGTERM');
    runUntil(clock, 5000);
    expect(p.exited).to.include({ code: 0, at: 2000 });
  });

  it('accepts `listens` for `listen`, as the step contract writes it, but not both', () => {
    expect(behaviour('listens: [8080]').listen).to.deep.equal(behaviour('listen: [8080]').listen);
    expect(() => behaviour('listen: [80]\nlistens: [8080]')).to.throw('"listens" repeats "listen"');
  });

  it('reports an unknown key, a bad duration or status with the file’s line and column', () => {
    const table: ReadonlyArray<[string, string]> = [
      [
        'listn: [80]',
        'shop.feature:20:1: image "shop:1.0": unknown key "listn" (expected one of: listen, protocol, http, grpc, exit, memory, cpu, sigterm, stdout, stderr, command, entrypoint, cmd, shell, files, size, tags)',
      ],
      [
        'exit:\n  after: 10x',
        'shop.feature:21:10: image "shop:1.0": exit after: "10x" is not a duration (like 10s, 1m30s, 500ms)',
      ],
      [
        'exit: {after: 10}',
        'shop.feature:20:15: image "shop:1.0": exit after: "10" is not a duration (like 10s, 1m30s, 500ms)',
      ],
      [
        'http:\n  /: 700',
        'shop.feature:21:6: image "shop:1.0": http / (a status) must be a whole number from 100 to 599, not 700',
      ],
      [
        'http:\n  health: 200',
        'shop.feature:21:3: image "shop:1.0": http: "health" is not a path (it starts with /) or "otherwise"',
      ],
      [
        'http:\n  /x:\n    - status: 200\n    - {status: 500}',
        'shop.feature:23:7: image "shop:1.0": http /x: each "after" must be later than the one before',
      ],
      [
        'memory: lots',
        'shop.feature:20:9: image "shop:1.0": memory: "lots" is not a quantity (like 64Mi, 1Gi, 250m)',
      ],
      [
        'sigterm: later',
        'shop.feature:20:10: image "shop:1.0": sigterm must be one of exit, ignore, not "later"',
      ],
      [
        'listen: [http]',
        'shop.feature:20:10: image "shop:1.0": listen (a port) must be a whole number from 1 to 65535, not "http"',
      ],
      [
        'stdout: [{text: x}]',
        'shop.feature:20:11: image "shop:1.0": stdout: unknown key "text" (expected one of: line, after, every)',
      ],
      [
        'listen: [80',
        'shop.feature:20:12: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ];
    for (const [yaml, message] of table) expect(errorOf(yaml), yaml).to.equal(message);
  });

  it('declares into the cluster’s catalog, with the tags that exist', () => {
    const store = {};
    declareImage(store, 'example.com/shop', 'listen: [8080]\ntags: ["1.0", "1.1"]\nsize: 25Mi');
    const catalog = catalogFor(store);
    const pulled = catalog.pull(parseImageReference('example.com/shop:1.1'));
    expect(pulled.ok && pulled.image.sizeBytes).to.equal(25 * 1024 * 1024);
    const missing = catalog.pull(parseImageReference('example.com/shop:2.0'));
    expect(missing.ok).to.equal(false);
  });

  it('loads an images file, all or nothing', () => {
    const store = {};
    expect(
      loadImageBehaviours(
        store,
        'worker:\n  command: sleep 3600\napi:1.0:\n  listen: [8080]\n',
        'images.yaml',
      ),
    ).to.deep.equal(['worker', 'api:1.0']);
    expect(() => loadImageBehaviours(store, 'ok:\n  listen: [1]\nbad:\n  nope: 1\n', 'images.yaml')).to.throw(
      'images.yaml:4:3: image "bad": unknown key "nope"',
    );
    expect(catalogFor(store).pull(parseImageReference('ok')).ok).to.equal(true);
    const ok = catalogFor(store).pull(parseImageReference('ok'));
    expect(ok.ok && ok.image.behaviour({ name: 'c' }).name).to.equal('unknown image');
    expect(() => loadImageBehaviours(store, '- a', 'images.yaml')).to.throw(
      'images.yaml:1:1: an images file maps image references to behaviours',
    );
    expect(() => declareImage(store, 'Shop', '')).to.throw('must be lowercase');
  });
});
