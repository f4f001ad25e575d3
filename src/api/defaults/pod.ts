/**
 * Pod defaults (pkg/apis/core/v1/defaults.go and the generated zz_generated.defaults.go):
 * SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction,
 * the `+default` markers (ContainerPort.protocol, GRPCAction.service, volume defaultMode), and
 * the pod-only SetDefaults_Pod. Every function is idempotent: defaults run again on update.
 */
import type { Container, PodSpec, Probe } from '../types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Obj = Record<string, unknown>;

/**
 * The tag of an image reference as docker's reference parser sees it (parsers.ParseImageName):
 * none (and no digest) means `latest`.
 */
export function imageTag(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const hasDigest = image.includes('@');
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > lastSlash) return withoutDigest.slice(colon + 1);
  return hasDigest ? '' : 'latest';
}

export function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  const p = probe as Mutable<Probe>;
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  const http = p.httpGet as Obj | undefined;
  if (http) {
    http.path ||= '/';
    http.scheme ||= 'HTTP';
  }
  const grpc = p.grpc as Obj | undefined;
  if (grpc && grpc.service === undefined) grpc.service = '';
}

function defaultLifecycleHandler(handler: Obj | undefined): void {
  const http = handler?.httpGet as Obj | undefined;
  if (http) {
    http.path ||= '/';
    http.scheme ||= 'HTTP';
  }
}

export function defaultContainer(container: Container): void {
  const c = container as Mutable<Container>;
  if (!c.imagePullPolicy)
    c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  for (const port of c.ports ?? []) (port as unknown as Obj).protocol ||= 'TCP';
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  const lifecycle = c.lifecycle as Obj | undefined;
  defaultLifecycleHandler(lifecycle?.postStart as Obj | undefined);
  defaultLifecycleHandler(lifecycle?.preStop as Obj | undefined);
  for (const env of c.env ?? []) {
    const fieldRef = (env.valueFrom as Obj | undefined)?.fieldRef as Obj | undefined;
    if (fieldRef) fieldRef.apiVersion ||= 'v1';
  }
}

function defaultVolumes(spec: Mutable<PodSpec>): void {
  for (const vol of spec.volumes ?? []) {
    const v = vol as unknown as Obj;
    const sources = Object.keys(v).filter((k) => k !== 'name');
    if (sources.length === 0) v.emptyDir = {}; // SetDefaults_Volume
    for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
      const src = v[key] as Obj | undefined;
      if (src && src.defaultMode === undefined) src.defaultMode = 420;
    }
    const hostPath = v.hostPath as Obj | undefined;
    if (hostPath && hostPath.type === undefined) hostPath.type = '';
  }
}

/** hostNetwork pods get hostPort = containerPort (defaultHostNetworkPorts). */
function defaultHostNetworkPorts(containers: Container[] | undefined): void {
  for (const c of containers ?? []) {
    for (const port of c.ports ?? []) {
      const p = port as unknown as Obj;
      if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
}

/** SetDefaults_PodSpec plus the defaults of everything inside it; used for pods and templates. */
export function defaultPodSpec(spec: PodSpec | undefined): void {
  if (!spec) return;
  const s = spec as Mutable<PodSpec>;
  s.dnsPolicy ||= 'ClusterFirst';
  s.restartPolicy ||= 'Always';
  if (s.hostNetwork) {
    defaultHostNetworkPorts(s.containers as Container[]);
    defaultHostNetworkPorts(s.initContainers as Container[]);
  }
  s.securityContext ??= {};
  s.terminationGracePeriodSeconds ??= 30;
  s.schedulerName ||= 'default-scheduler';
  for (const c of s.containers ?? []) defaultContainer(c);
  for (const c of s.initContainers ?? []) defaultContainer(c);
  defaultVolumes(s);
}

/** SetDefaults_Pod: what only a Pod (not a template) gets. */
export function defaultPodOnly(spec: PodSpec | undefined): void {
  if (!spec) return;
  const s = spec as Mutable<PodSpec>;
  for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) {
    const res = (c as unknown as Obj).resources as { limits?: Obj; requests?: Obj } | undefined;
    if (!res?.limits) continue;
    res.requests ??= {};
    for (const [k, v] of Object.entries(res.limits)) if (!(k in res.requests)) res.requests[k] = v;
  }
  s.enableServiceLinks ??= true;
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/**
 * Admission plugins that fill pod fields on create and update: DefaultTolerationSeconds (the
 * not-ready and unreachable NoExecute tolerations, 300 s, unless the pod tolerates them
 * already), Priority (priority 0, preemptionPolicy PreemptLowerPriority without a class) and
 * ServiceAccount (serviceAccountName `default`; the token volume is added on create by the store's
 * plugin, src/store/admission/service-account.ts, which needs a seeded name generator).
 */
export function admitPodSpec(spec: PodSpec | undefined): void {
  if (!spec) return;
  const s = spec as Mutable<PodSpec>;
  const tolerations = [...(s.tolerations ?? [])];
  const tolerates = (key: string) =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const add = (key: string) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  const notReady = tolerates(NOT_READY);
  const unreachable = tolerates(UNREACHABLE);
  if (!notReady) tolerations.push(add(NOT_READY));
  if (!unreachable) tolerations.push(add(UNREACHABLE));
  if (!notReady || !unreachable) s.tolerations = tolerations;
  if (!s.priorityClassName) {
    s.priority ??= 0;
    s.preemptionPolicy ??= 'PreemptLowerPriority';
  }
  s.serviceAccountName ||= s.serviceAccount || 'default';
  s.serviceAccount ||= s.serviceAccountName;
}
