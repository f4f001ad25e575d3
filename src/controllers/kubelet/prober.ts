import type { Container, Pod, Probe } from '../../api/types.js';
import type { SimClock, SimTimer } from '../../core/clock.js';
import type { SimProcess } from '../../images/process.js';
import { execProbe } from './exec-probe.js';
import type { ContainerInstance } from './runtime.js';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** What a probe worker needs from its pod worker. */
export interface ProbeHost {
  readonly clock: SimClock;
  readonly label: string;
  /** The pod as stored now (undefined once it is gone). */
  pod(): Pod | undefined;
  /** The container's newest instance. */
  instance(container: string): ContainerInstance | undefined;
  /** The running process listening on `port` anywhere in the pod (containers share the network). */
  listener(port: number): SimProcess | undefined;
  podIP(): string | undefined;
  record(type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** The cached result changed. */
  changed(type: ProbeType, container: string, result: ProbeResult): void;
}

const CAPITAL: Record<ProbeType, string> = {
  liveness: 'Liveness',
  readiness: 'Readiness',
  startup: 'Startup',
};

/** The initial cached results (prober worker.go newWorker). */
const INITIAL: Record<ProbeType, ProbeResult> = {
  liveness: 'Success',
  readiness: 'Failure',
  startup: 'Unknown',
};

/**
 * One probe's outcome: the result and the output that becomes the Unhealthy event. An error is
 * reported (`… probe errored and resulted in unknown state: …`) and then dropped, not counted.
 */
export type Outcome = { result: 'Success' | 'Failure'; output: string } | { result: 'Error'; output: string };

/**
 * One probe of one container (pkg/kubelet/prober/worker.go), on the documented ideal schedule
 * (SEMANTICS.md "Probes"): it starts when the kubelet admits the pod and ticks at admission +
 * k × periodSeconds, the first tick at admission; it skips while the container is younger
 * (whole seconds) than initialDelaySeconds; the cached result changes only after
 * failureThreshold or successThreshold identical results in a row.
 */
export class ProbeWorker {
  private result: ProbeResult;
  private resultRun = 0;
  private lastResult: ProbeResult = 'Unknown';
  private onHold = false;
  private containerID: string | undefined;
  private timer: SimTimer | undefined;
  private stopped = false;

  constructor(
    private readonly host: ProbeHost,
    readonly container: Container,
    readonly type: ProbeType,
    readonly probe: Probe,
  ) {
    this.result = INITIAL[type];
  }

  get current(): ProbeResult {
    return this.result;
  }

  /** The result as it applies to instance `id` (a new instance starts from the initial value). */
  resultFor(id: string | undefined): ProbeResult {
    return id !== undefined && id === this.containerID ? this.result : INITIAL[this.type];
  }

  get periodMs(): number {
    return (this.probe.periodSeconds ?? 10) * 1000;
  }

  start(): void {
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }

  /** A probe outside the ticks (readiness when the container starts); the ticks keep their phase. */
  probeNow(): void {
    if (!this.stopped) this.doProbe();
  }

  private tick(): void {
    if (this.stopped) return;
    this.timer = this.host.clock.setTimeout(
      () => this.tick(),
      this.periodMs,
      `${this.host.label} ${this.type} probe`,
    );
    if (!this.doProbe()) this.stop();
  }

  /** worker.go doProbe; false when the worker should stop. */
  private doProbe(): boolean {
    const pod = this.host.pod();
    if (!pod) return false;
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded') return false;
    const instance = this.host.instance(this.container.name);
    if (!instance) return true;
    if (instance.id !== this.containerID) {
      this.containerID = instance.id;
      this.setResult(INITIAL[this.type], false);
      this.resultRun = 0;
      this.lastResult = 'Unknown';
      this.onHold = false;
    }
    if (this.onHold) return true;
    if (instance.state !== 'running') {
      this.setResult('Failure', true);
      return !(instance.state === 'exited' && pod.spec?.restartPolicy === 'Never');
    }
    if (pod.metadata.deletionTimestamp && this.type !== 'readiness') {
      this.setResult('Success', true);
      return false;
    }
    const age = Math.floor((this.host.clock.now - instance.startedAt!) / 1000);
    if (age < (this.probe.initialDelaySeconds ?? 0)) return true;
    const startup = this.type === 'startup';
    if (startup === this.started(instance.id)) return true;

    const outcome = this.run(instance);
    if (outcome.result === 'Error') {
      // prober.go: the error becomes an event; worker.go throws the result away.
      this.host.record(
        'Warning',
        'Unhealthy',
        `${CAPITAL[this.type]} probe errored and resulted in unknown state: ${outcome.output}`,
      );
      return true;
    }
    if (outcome.result === 'Failure') {
      this.host.record('Warning', 'Unhealthy', `${CAPITAL[this.type]} probe failed: ${outcome.output}`);
    }
    if (this.lastResult === outcome.result) this.resultRun++;
    else {
      this.lastResult = outcome.result;
      this.resultRun = 1;
    }
    const threshold =
      outcome.result === 'Failure' ? (this.probe.failureThreshold ?? 3) : (this.probe.successThreshold ?? 1);
    if (this.resultRun < threshold) return true;
    this.setResult(outcome.result, true);
    if (
      (this.type === 'liveness' && outcome.result === 'Failure') ||
      (startup && (outcome.result === 'Failure' || outcome.result === 'Success'))
    ) {
      // The container will be restarted (or has started): stop probing it until a new one runs.
      this.onHold = true;
      this.resultRun = 0;
    }
    return true;
  }

  /** Whether the instance counts as started (its startup probe passed, or there is none). */
  private started(id: string): boolean {
    return this.type === 'startup' ? this.result === 'Success' : (this.startedProbe?.(id) ?? true);
  }

  /** Set by PodProbes: whether the instance's startup probe has passed. */
  startedProbe: ((id: string) => boolean) | undefined;

  private setResult(result: ProbeResult, notify: boolean): void {
    if (this.result === result) return;
    this.result = result;
    if (notify) this.host.changed(this.type, this.container.name, result);
  }

  private run(instance: ContainerInstance): Outcome {
    const p = this.probe;
    const ip = this.host.podIP() ?? '';
    if (p.httpGet) {
      const port = this.resolvePort(p.httpGet.port);
      if (port === undefined) return { result: 'Error', output: portError(p.httpGet.port) };
      const host = p.httpGet.host || ip;
      const path = p.httpGet.path || '/';
      const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
      const url = `${scheme}://${hostPort(host, port)}${path.startsWith('/') ? path : `/${path}`}`;
      const listener = host === ip ? this.host.listener(port) : undefined;
      const answer = listener?.httpGet(port, path) ?? { kind: 'refused' as const };
      if (answer.kind === 'refused') {
        return {
          result: 'Failure',
          output: `Get "${url}": dial tcp ${hostPort(host, port)}: connect: connection refused`,
        };
      }
      if (answer.kind === 'not-http') return { result: 'Failure', output: `Get "${url}": EOF` };
      if (answer.status >= 200 && answer.status < 400) return { result: 'Success', output: '' };
      return { result: 'Failure', output: `HTTP probe failed with statuscode: ${answer.status}` };
    }
    if (p.tcpSocket) {
      const port = this.resolvePort(p.tcpSocket.port);
      if (port === undefined) return { result: 'Error', output: portError(p.tcpSocket.port) };
      const host = p.tcpSocket.host || ip;
      if (host === ip && this.host.listener(port)) return { result: 'Success', output: '' };
      return { result: 'Failure', output: `dial tcp ${hostPort(host, port)}: connect: connection refused` };
    }
    if (p.exec) return execProbe(instance, this.container, p);
    return { result: 'Error', output: 'unsupported probe' };
  }

  /** A numeric port, or a named one from the container's ports. */
  private resolvePort(port: number | string): number | undefined {
    if (typeof port === 'number') return port;
    if (/^\d+$/.test(port)) return Number(port);
    return this.container.ports?.find((p) => p.name === port)?.containerPort;
  }
}

/** probe.ResolveContainerPort's error for a name no container port has (its strconv.Atoi fallback). */
function portError(port: number | string): string {
  return `strconv.Atoi: parsing ${JSON.stringify(String(port))}: invalid syntax`;
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * The probe workers of one pod (prober_manager.go): one per container per probe it defines,
 * started at admission; `started`/`ready` feed the container statuses.
 */
export class PodProbes {
  private readonly workers: ProbeWorker[] = [];

  constructor(host: ProbeHost, pod: Pod) {
    const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
    for (const container of [...sidecars, ...(pod.spec?.containers ?? [])]) {
      const add = (type: ProbeType, probe: Probe | undefined) => {
        if (probe) this.workers.push(new ProbeWorker(host, container, type, probe));
      };
      add('startup', container.startupProbe);
      add('readiness', container.readinessProbe);
      add('liveness', container.livenessProbe);
    }
    for (const w of this.workers) {
      if (w.type !== 'startup') {
        const startup = this.worker(w.container.name, 'startup');
        w.startedProbe = startup ? (id) => startup.resultFor(id) === 'Success' : undefined;
      }
    }
  }

  start(): void {
    for (const w of this.workers) w.start();
  }

  stop(): void {
    for (const w of this.workers) w.stop();
  }

  worker(container: string, type: ProbeType): ProbeWorker | undefined {
    return this.workers.find((w) => w.container.name === container && w.type === type);
  }

  /** UpdatePodStatus: started and ready for a container instance. */
  status(container: string, instance: ContainerInstance | undefined): { started: boolean; ready: boolean } {
    const running = instance?.state === 'running';
    if (!running) return { started: false, ready: false };
    const startup = this.worker(container, 'startup');
    const started = startup ? startup.resultFor(instance.id) === 'Success' : true;
    if (!started) return { started, ready: false };
    const readiness = this.worker(container, 'readiness');
    const ready = readiness ? readiness.resultFor(instance.id) === 'Success' : true;
    return { started, ready };
  }

  /** The liveness or startup probe that has failed for this instance, if any. */
  failed(container: string, instanceID: string): 'liveness' | 'startup' | undefined {
    for (const type of ['startup', 'liveness'] as const) {
      if (this.worker(container, type)?.resultFor(instanceID) === 'Failure') return type;
    }
    return undefined;
  }

  /**
   * Readiness is probed at once when a container starts running or its startup probe succeeds
   * (the probe itself skips if the initial delay or a pending startup probe forbids it).
   */
  probeReadinessNow(container: string): void {
    this.worker(container, 'readiness')?.probeNow();
  }
}
