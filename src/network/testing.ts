/**
 * Fixtures for the network's tests (and kubectl port-forward's): a Cluster whose catalog knows a
 * few test images, and short builders for pods, Deployments and Services.
 */
import type { ContainerPort, Deployment, Pod, Probe, Service, ServiceSpec } from '../api/types.js';
import { Cluster } from '../cluster/cluster.js';
import { always, type ImageBehaviour } from '../images/behaviour.js';
import { catalogFor } from '../images/catalog.js';

function http(name: string, listen: number[], body: string, ready = 200): ImageBehaviour {
  return {
    name,
    listen,
    http: { routes: [{ path: '/ready', answers: [always(ready, 'ready?')] }], otherwise: always(200, body) },
    sigterm: { action: 'exit', code: 0 },
    memoryBytes: 1 << 20,
  };
}

/**
 * - `example/my-app` listens on 9376 and answers `hello` (the Service docs' example backend);
 * - `example/app-8080` and `example/app-9090` answer `8080` / `9090` on those ports;
 * - `example/unready` listens on 9376 but its `/ready` is 503 (a readiness probe fails).
 */
export function trafficCluster(seed = 1): Cluster {
  const cluster = new Cluster({ seed });
  const catalog = catalogFor(cluster.store);
  catalog.declare('example/my-app', http('my-app', [9376], 'hello'));
  catalog.declare('example/app-8080', http('app-8080', [8080], '8080'));
  catalog.declare('example/app-9090', http('app-9090', [9090], '9090'));
  catalog.declare('example/unready', http('unready', [9376], 'unready', 503));
  return cluster;
}

export const READY_PROBE: Probe = { httpGet: { path: '/ready', port: 9376 }, periodSeconds: 1 };

export function pod(
  name: string,
  image: string,
  options: {
    labels?: Record<string, string>;
    ports?: ContainerPort[];
    readiness?: Probe;
    namespace?: string;
  } = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: options.namespace ?? 'default', labels: options.labels ?? { app: 'web' } },
    spec: {
      containers: [
        {
          name: 'app',
          image,
          ...(options.ports ? { ports: options.ports } : {}),
          ...(options.readiness ? { readinessProbe: options.readiness } : {}),
        },
      ],
    },
  };
}

export function deployment(
  name: string,
  replicas: number,
  image: string,
  ports?: ContainerPort[],
): Deployment {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'app', image, ...(ports ? { ports } : {}) }] },
      },
    },
  };
}

export function service(name: string, spec: ServiceSpec, namespace = 'default'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}

/** Creates the objects and lets `ms` of simulated time pass (probes, endpoints). */
export function setUp(cluster: Cluster, objects: Array<Pod | Deployment | Service>, ms = 5_000): void {
  for (const o of objects) cluster.store.create(o);
  cluster.advance(ms);
}
