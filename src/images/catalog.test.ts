import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../core/clock.js';
import { SimLoop } from '../sim/loop.js';
import { nginxTagExists } from './builtins.js';
import { catalogFor, ImageCatalog, type PulledImage } from './catalog.js';
import { SimProcess } from './process.js';
import { parseImageReference } from './reference.js';

function pull(catalog: ImageCatalog, image: string): PulledImage {
  const result = catalog.pull(parseImageReference(image));
  if (!result.ok) throw new Error(result.message);
  return result.image;
}

function run(image: PulledImage, clock: SimClock, invocation = { name: 'c' }, memoryLimitBytes?: number) {
  return new SimProcess({
    clock,
    behaviour: image.behaviour(invocation),
    invocation,
    label: 'test',
    ...(memoryLimitBytes === undefined ? {} : { memoryLimitBytes }),
  }).start();
}

describe('ImageCatalog', () => {
  it('knows which nginx tags were published', () => {
    for (const tag of [
      '1.14.2',
      '1.16.1',
      '1.25',
      '1.27',
      'latest',
      'alpine',
      '1.27-alpine',
      'stable-perl',
      '1.7.9',
    ]) {
      expect(nginxTagExists(tag), tag).to.equal(true);
    }
    for (const tag of ['1.161', '1.14.9', '2.0', '1.25-ubuntu', 'lates']) {
      expect(nginxTagExists(tag), tag).to.equal(false);
    }
  });

  it('fails a pull of a tag that was never published with containerd’s message', () => {
    const result = new ImageCatalog().pull(parseImageReference('nginx:1.161'));
    expect(result).to.deep.equal({
      ok: false,
      message:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": ' +
        'failed to resolve image: docker.io/library/nginx:1.161: not found',
    });
  });

  it('gives every image a stable imageID in containerd’s form', () => {
    const a = pull(new ImageCatalog(), 'nginx:1.25');
    const b = pull(new ImageCatalog(), 'docker.io/library/nginx:1.25');
    expect(a.imageID).to.match(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(b.imageID).to.equal(a.imageID);
    expect(pull(new ImageCatalog(), 'nginx:1.27').imageID).not.to.equal(a.imageID);
  });

  it('runs nginx: port 80, / is 200, other paths 404, SIGTERM exits 0 at once', () => {
    const clock = new SimClock();
    const p = run(pull(new ImageCatalog(), 'nginx:1.25'), clock);
    expect(p.listens(80)).to.equal(true);
    expect(p.listens(8080)).to.equal(false);
    expect(p.httpGet(80, '/')).to.include({ kind: 'response', status: 200 });
    expect(p.httpGet(80, '/missing')).to.include({ kind: 'response', status: 404 });
    expect(p.httpGet(81, '/')).to.deep.equal({ kind: 'refused' });
    const exits: number[] = [];
    p.onExit((s) => exits.push(s.code));
    p.signal('SIGTERM');
    new SimLoop(clock).settle();
    expect(exits).to.deep.equal([0]);
  });

  it('runs unknown images on their declared ports, answering 200', () => {
    const clock = new SimClock();
    const p = run(pull(new ImageCatalog(), 'example.com/team/app:v3'), clock, {
      name: 'app',
      ports: [{ containerPort: 8080 }],
    } as never);
    expect(p.httpGet(8080, '/anything')).to.include({ kind: 'response', status: 200 });
    expect(p.listens(80)).to.equal(false);
  });

  it('serves the liveness image’s /healthz with 200 for 10 s, then 500', () => {
    const clock = new SimClock();
    const p = run(pull(new ImageCatalog(), 'registry.k8s.io/liveness'), clock);
    clock.advanceTo(10_000);
    expect(p.httpGet(8080, '/healthz')).to.include({ status: 200 });
    clock.advanceTo(11_000);
    expect(p.httpGet(8080, '/healthz')).to.include({ status: 500 });
  });

  it('lets a declaration win over the built-ins, exactly or for every tag', () => {
    const catalog = new ImageCatalog();
    catalog.declare('nginx:9.9', {
      name: 'mine',
      listen: [9],
      sigterm: { action: 'ignore' },
      memoryBytes: 1,
    });
    const clock = new SimClock();
    expect(run(pull(catalog, 'nginx:9.9'), clock).listens(9)).to.equal(true);
    expect(catalog.pull(parseImageReference('nginx:9.8')).ok).to.equal(false);
    catalog.declare('example.com/app', {
      name: 'any',
      listen: [7],
      sigterm: { action: 'ignore' },
      memoryBytes: 1,
    });
    expect(run(pull(catalog, 'example.com/app:v1'), clock).listens(7)).to.equal(true);
  });

  it('OOM-kills a process that uses more memory than its limit, at once', () => {
    const clock = new SimClock();
    const image = pull(new ImageCatalog(), 'polinux/stress');
    const p = run(
      image,
      clock,
      { name: 's', args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'] } as never,
      100 * 1024 * 1024,
    );
    expect(p.exited).to.include({ code: 137, oomKilled: true, at: 0 });
  });

  it('runs busybox’s default shell, which exits 0 at once, and ignores SIGTERM when sleeping', () => {
    const clock = new SimClock();
    const image = pull(new ImageCatalog(), 'busybox');
    const idle = run(image, clock);
    const sleeper = run(image, clock, { name: 's', command: ['sh', '-c', 'sleep 3600'] } as never);
    new SimLoop(clock).settle();
    expect(idle.exited).to.include({ code: 0 });
    sleeper.signal('SIGTERM');
    expect(sleeper.running).to.equal(true);
    sleeper.signal('SIGKILL');
    expect(sleeper.exited).to.include({ code: 137, signal: 'SIGKILL' });
  });

  it('keeps one catalog per cluster', () => {
    const a = {};
    expect(catalogFor(a)).to.equal(catalogFor(a));
    expect(catalogFor({})).not.to.equal(catalogFor(a));
  });
});
