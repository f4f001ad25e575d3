import type { Container, Pod } from '../../api/types.js';
import type { SimClock } from '../../core/clock.js';
import { formatDuration } from '../../core/duration.js';
import type { ImageCatalog, PulledImage } from '../../images/catalog.js';
import { defaultPullPolicy, InvalidImageNameError, parseImageReference } from '../../images/reference.js';
import { Backoff } from './backoff.js';

/** The outcome of EnsureImageExists for one container start. */
export type EnsureResult =
  | { readonly kind: 'present'; readonly image: PulledImage }
  /** A pull was started; `done` is called when it finishes. */
  | { readonly kind: 'pulling' }
  | {
      readonly kind: 'error';
      readonly reason: 'ErrImagePull' | 'ImagePullBackOff' | 'InvalidImageName' | 'ErrImageNeverPull';
      readonly message: string;
      /** When a new pull may be tried (image pull back-off). */
      readonly retryAt?: number;
    };

export type PullDone = (result: EnsureResult) => void;

export interface ImageManagerOptions {
  readonly clock: SimClock;
  readonly catalog: ImageCatalog;
  /** How long a pull of this image takes (settings: per image, else cluster-wide). */
  readonly pullMs: (image: string, normalized: string) => number;
  readonly record: (pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string) => void;
  readonly label: string;
}

interface PullJob {
  readonly pod: Pod;
  readonly image: string;
  readonly normalized: string;
  readonly requestedAt: number;
  readonly backOffKey: string;
  readonly done: PullDone;
  cancelled: boolean;
}

/**
 * One node's images (pkg/kubelet/images/image_manager.go, v1.33): the images present on the
 * node, pull policies, the per-pod image pull back-off (10 s doubling to 300 s, keyed
 * `<podUID>_<image>`) and a serial puller (the kubelet's default serializeImagePulls: one pull
 * at a time per node, so the `Pulled` event's "including waiting" counts the queue).
 */
export class ImageManager {
  private readonly present = new Map<string, PulledImage>();
  private readonly backoff: Backoff;
  private readonly prevPullErrMsg = new Map<string, string>();
  private readonly queue: PullJob[] = [];
  private busy = false;

  constructor(private readonly options: ImageManagerOptions) {
    this.backoff = new Backoff(options.clock);
  }

  /** Whether an image (fully qualified) is on the node. */
  has(normalized: string): boolean {
    return this.present.has(normalized);
  }

  /**
   * EnsureImageExists: decides from the pull policy whether to pull, records the kubelet's
   * events, and either answers at once or starts a pull that calls `done` when it finishes.
   */
  ensure(pod: Pod, container: Container, done: PullDone): EnsureResult & { cancel?: () => void } {
    const { record, clock } = this.options;
    const requested = container.image ?? '';
    let normalized: string;
    try {
      normalized = parseImageReference(requested).normalized;
    } catch (e) {
      if (!(e instanceof InvalidImageNameError)) throw e;
      const msg = `Failed to apply default image tag ${JSON.stringify(requested)}: ${e.message}`;
      record(pod, 'Warning', 'InspectFailed', msg);
      return { kind: 'error', reason: 'InvalidImageName', message: msg };
    }
    const policy = container.imagePullPolicy ?? defaultPullPolicy(requested);
    const image = this.present.get(normalized);
    if (image && policy !== 'Always') {
      record(
        pod,
        'Normal',
        'Pulled',
        `Container image ${JSON.stringify(requested)} already present on machine`,
      );
      return { kind: 'present', image };
    }
    if (policy === 'Never') {
      const msg = `Container image ${JSON.stringify(requested)} is not present with pull policy of Never`;
      record(pod, 'Warning', 'ErrImageNeverPull', msg);
      return { kind: 'error', reason: 'ErrImageNeverPull', message: msg };
    }
    const backOffKey = `${pod.metadata.uid}_${requested}`;
    if (this.backoff.isInBackOffSinceUpdate(backOffKey, clock.now)) {
      let msg = `Back-off pulling image ${JSON.stringify(requested)}`;
      record(pod, 'Normal', 'BackOff', msg);
      const prev = this.prevPullErrMsg.get(backOffKey);
      if (prev) msg = `${msg}: ${prev}`;
      const retryAt = this.backoff.lastUpdate(backOffKey)! + this.backoff.get(backOffKey);
      return { kind: 'error', reason: 'ImagePullBackOff', message: msg, retryAt };
    }
    this.prevPullErrMsg.delete(backOffKey);
    record(pod, 'Normal', 'Pulling', `Pulling image ${JSON.stringify(requested)}`);
    const job: PullJob = {
      pod,
      image: requested,
      normalized,
      requestedAt: clock.now,
      backOffKey,
      done,
      cancelled: false,
    };
    this.queue.push(job);
    this.pump();
    return {
      kind: 'pulling',
      cancel: () => {
        job.cancelled = true;
      },
    };
  }

  /** Starts the next queued pull when none is running (the serial image puller). */
  private pump(): void {
    if (this.busy) return;
    let job = this.queue.shift();
    // A pull whose pod went away before its turn is dropped.
    while (job?.cancelled) job = this.queue.shift();
    if (!job) return;
    this.busy = true;
    const { clock, catalog } = this.options;
    const result = catalog.pull(parseImageReference(job.image));
    // A tag that does not exist fails at once (the registry does not resolve it).
    const ms = result.ok ? this.options.pullMs(job.image, job.normalized) : 0;
    const startedAt = clock.now;
    clock.schedule(
      () => {
        this.busy = false;
        this.finish(job, result, clock.now - startedAt);
        this.pump();
      },
      ms,
      `${this.options.label} pull ${job.image}`,
    );
  }

  private finish(job: PullJob, result: ReturnType<ImageCatalog['pull']>, pullMs: number): void {
    const { record, clock } = this.options;
    if (!result.ok) {
      record(
        job.pod,
        'Warning',
        'Failed',
        `Failed to pull image ${JSON.stringify(job.image)}: ${result.message}`,
      );
      this.backoff.next(job.backOffKey, clock.now);
      this.prevPullErrMsg.set(job.backOffKey, `ErrImagePull: ${result.message}`);
      if (!job.cancelled) job.done({ kind: 'error', reason: 'ErrImagePull', message: result.message });
      return;
    }
    this.present.set(job.normalized, result.image);
    const waited = clock.now - job.requestedAt;
    record(
      job.pod,
      'Normal',
      'Pulled',
      `Successfully pulled image ${JSON.stringify(job.image)} in ${formatDuration(pullMs)} (${formatDuration(waited)} including waiting). Image size: ${result.image.sizeBytes} bytes.`,
    );
    this.backoff.gc();
    if (!job.cancelled) job.done({ kind: 'present', image: result.image });
  }
}
