import type { Container, Pod, Probe } from '../../api/types.js';
import type { SimClock, SimTimer } from '../../core/clock.js';
import type { SimProcess } from '../../images/process.js';
import { execProbe } from './exec-probe.js';
import { grpcProbe } from './probe-grpc.js';
import { httpProbe } from './probe-http.js';
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
 * reported (`… probe errored and resulted in unknown state: …`) and then dropped, not counted. A
 * warning (an HTTP redirect not followed) is a success reported as a ProbeWarning event.
 */
export type Outcome =
  | { result: 'Success' | 'Failure' | 'Warning'; output: string; delayMs?: number }
  | { result: 'Error'; output: string; delayMs?: number };

/** A passed HTTP or TCP probe; shared, as nearly every probe passes. */
const SUCCESS: Outcome = Object.freeze({ result: 'Success', output: '' });

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
  /** A probe still running (a slow answer, or a probe waiting out its timeout): its result lands later. */
  private inFlight: SimTimer | undefined;
  /**
   * A tick (or manual trigger) came while a probe ran: worker.go's loop receives it as soon as
   * doProbe returns (the ticker keeps one tick for a slow receiver; later ones are dropped).
   */
  private pendingTick = false;
  /**
   * The tick and its timer label, made once: a worker ticks 360 times an hour at period 10 s.
   * Assigned in the constructor: tsx names a class field's arrow at run time (keepNames), which
   * gives each of thousands of workers' functions a property store of its own.
   */
  private readonly onTick: () => void;
  private readonly timerLabel: string;

  constructor(
    private readonly host: ProbeHost,
    readonly container: Container,
    readonly type: ProbeType,
    readonly probe: Probe,
  ) {
    this.result = INITIAL[type];
    this.onTick = () => this.tick();
    this.timerLabel = `${host.label} ${type} probe`;
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
    this.inFlight?.cancel();
    this.inFlight = undefined;
  }

  /** A probe outside the ticks (readiness when the container starts); the ticks keep their phase. */
  probeNow(): void {
    if (this.stopped) return;
    if (this.inFlight) this.pendingTick = true;
    else if (!this.doProbe()) this.stop();
  }

  private tick(): void {
    if (this.stopped) return;
    // The ticker runs on from the tick, however long the probe takes (worker.go run).
    this.timer = this.host.clock.schedule(this.onTick, this.periodMs, this.timerLabel);
    if (this.inFlight) this.pendingTick = true;
    else if (!this.doProbe()) this.stop();
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
    if (outcome.delayMs) {
      // The probe call blocks (ExecSync, the HTTP client, the gRPC call: until the answer or the
      // timeout): prober.go records the event and worker.go counts the result when it returns.
      const id = instance.id;
      this.inFlight = this.host.clock.schedule(
        () => this.landed(id, outcome),
        outcome.delayMs,
        `${this.timerLabel} result`,
      );
      return true;
    }
    return this.handle(outcome);
  }

  /** A probe that took time has returned: its result counts for the instance it probed. */
  private landed(id: string, outcome: Outcome): void {
    this.inFlight = undefined;
    if (this.stopped) return;
    const pod = this.host.pod();
    let keepOn = pod !== undefined;
    // A result for an instance that has since been replaced is dropped (the worker resets on the new one).
    if (keepOn && id === this.containerID && !this.onHold) keepOn = this.handle(outcome);
    if (!keepOn) {
      this.stop();
      return;
    }
    if (this.pendingTick) {
      this.pendingTick = false;
      if (!this.doProbe()) this.stop();
    }
  }

  /** prober.go's events for one probe's outcome, then worker.go's counting. */
  private handle(outcome: Outcome): boolean {
    if (outcome.result === 'Warning') {
      // prober.go: probe.Warning records a ProbeWarning event and counts as a success.
      this.host.record('Warning', 'ProbeWarning', `${CAPITAL[this.type]} probe warning: ${outcome.output}`);
      return this.count('Success');
    }
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
    return this.count(outcome.result);
  }

  /** worker.go: counts one probe's result toward the thresholds and sets the cached result. */
  private count(result: 'Success' | 'Failure'): boolean {
    const startup = this.type === 'startup';
    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    const threshold =
      result === 'Failure' ? (this.probe.failureThreshold ?? 3) : (this.probe.successThreshold ?? 1);
    if (this.resultRun < threshold) return true;
    this.setResult(result, true);
    if (
      (this.type === 'liveness' && result === 'Failure') ||
      (startup && (result === 'Failure' || result === 'Success'))
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

  /** What the node reaches at host:port: the pod's own IP only; other hosts refuse. */
  private readonly reachPod = (host: string, port: number) =>
    host === (this.host.podIP() ?? '') ? this.host.listener(port) : undefined;

  private run(instance: ContainerInstance): Outcome {
    const p = this.probe;
    const ip = this.host.podIP() ?? '';
    if (p.httpGet) {
      const port = this.resolvePort(p.httpGet.port);
      if (port === undefined) return { result: 'Error', output: portError(p.httpGet.port) };
      return httpProbe(p.httpGet, port, ip, timeoutMs(p), this.reachPod);
    }
    if (p.grpc) {
      const service = p.grpc.service ?? '';
      return grpcProbe(ip, service, p.grpc.port, timeoutMs(p), this.host.listener(p.grpc.port));
    }
    if (p.tcpSocket) {
      const port = this.resolvePort(p.tcpSocket.port);
      if (port === undefined) return { result: 'Error', output: portError(p.tcpSocket.port) };
      const host = p.tcpSocket.host || ip;
      // pkg/probe/tcp DialTimeout: the node's kernel answers the connect at once (accepted or
      // refused); nothing here drops packets, so the dial's `i/o timeout` cannot happen.
      if (host === ip && this.host.listener(port)) return SUCCESS;
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

/** The client's timeout (timeoutSeconds, default 1). */
function timeoutMs(probe: Probe): number {
  return (probe.timeoutSeconds ?? 1) * 1000;
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
