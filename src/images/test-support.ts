/** Helpers for the images layer's tests: a container process of a catalog image on a clock. */
import type { SimClock } from '../core/clock.js';
import type { ContainerInvocation } from './behaviour.js';
import { ImageCatalog } from './catalog.js';
import type { ContainerContext } from './container-context.js';
import { imageRootFs } from './image-fs.js';
import { SimProcess } from './process.js';
import { parseImageReference } from './reference.js';

const catalog = new ImageCatalog();

/** Starts a container of `image` the way the kubelet does (its env, hostname and file system). */
export function startContainer(
  clock: SimClock,
  image: string,
  invocation: Partial<ContainerInvocation> = {},
  context: Partial<ContainerContext> = {},
  memoryLimitBytes?: number,
): SimProcess {
  const pulled = catalog.pull(parseImageReference(image));
  if (!pulled.ok) throw new Error(pulled.message);
  const inv: ContainerInvocation = { name: 'c', ...invocation };
  const behaviour = pulled.image.behaviour(inv);
  return new SimProcess({
    clock,
    behaviour,
    invocation: inv,
    label: 'test',
    context: {
      env: [['KUBERNETES_PORT', 'tcp://10.96.0.1:443']],
      hostname: 'pod-0',
      fs: () => imageRootFs(behaviour, { hostname: 'pod-0', now: () => clock.now }),
      ...context,
    },
    ...(memoryLimitBytes === undefined ? {} : { memoryLimitBytes }),
  }).start();
}

/** Runs every timer due up to `ms`, then sets the clock there. */
export function runUntil(clock: SimClock, ms: number): void {
  while (clock.fireNext(ms)) {}
  clock.advanceTo(ms);
}

/** The process's log lines as `STREAM TEXT`. */
export function logLines(p: SimProcess): string[] {
  return p.log.lines().map((l) => `${l.stream} ${l.text}`);
}
