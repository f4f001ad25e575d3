/**
 * The image catalog: what each container image does, as data.
 *
 * Design (read this before adding images or behaviours):
 * - A real cluster runs images; kubesim runs *image behaviours* (behaviour.ts): which ports a
 *   process listens on, how it answers HTTP over time, whether it exits by itself and with which
 *   code, how much memory it uses and what SIGTERM does to it. This is kwok's idea of lifecycle
 *   as data, at the level of one process.
 * - An entry (builtins.ts) covers one or more repositories (`docker.io/library/nginx`), says
 *   which tags exist (a tag nginx never published fails to pull: ErrImagePull), how big the
 *   image is (the `Pulled` event prints it) and builds the behaviour from the container's
 *   command, args, env and ports (so `stress --vm-bytes 150M` uses 150M).
 * - Behaviours that are programs rather than data name a driver (`program: 'shell'`,
 *   programs.ts): the POSIX-sh interpreter (src/images/sh) runs the commands of busybox, alpine
 *   and the base images (base-images.ts: debian, ubuntu, bash, centos, fedora), each with its
 *   userland (userland.ts: which commands exist, whose words `sh` uses). Exec
 *   probes and `kubectl exec` run in the container's file system through the running
 *   SimProcess (exec.ts); an image without a shell answers with runc's `executable file not
 *   found` error.
 * - process.ts runs a behaviour on the cluster's clock (SimProcess): probes call `httpGet` and
 *   `listens`, the kubelet sends `signal('SIGTERM' | 'SIGKILL')` and learns about exits through
 *   `onExit`; OOM kills come from the memory use against the container's limit.
 * - Scenarios declare their own images with `declare(reference, behaviour)` (the step
 *   `the image "…" behaves as:` and image files, through declared.ts's YAML); a declaration
 *   wins over the built-ins. A declared reference with a tag or digest matches exactly that
 *   image; without one, every tag of the repository (or only the `tags` it lists).
 * - Anything else is an unknown image: it pulls, runs forever and answers 200 on its declared
 *   ports. Only a reference that is not valid syntax fails (`InvalidImageName`).
 * - One catalog per cluster: `catalogFor(store)` keys it by the cluster's store, so the
 *   kubelets and the steps of one scenario share it without a global.
 */
import { createHash } from 'node:crypto';
import type { ContainerInvocation, ImageBehaviour } from './behaviour.js';
import { BUILTIN_IMAGES, type ImageEntry, UNKNOWN_BEHAVIOUR } from './builtins.js';
import { type ImageReference, parseImageReference } from './reference.js';

/** An image as it sits on a node after a successful pull. */
export interface PulledImage {
  readonly ref: ImageReference;
  /** What containerd reports as the container's imageID: `docker.io/library/nginx@sha256:…`. */
  readonly imageID: string;
  readonly sizeBytes: number;
  /** Builds the behaviour of one container running this image. */
  behaviour(invocation: ContainerInvocation): ImageBehaviour;
}

export type PullResult =
  | { readonly ok: true; readonly image: PulledImage }
  /** The CRI's error text, as the `Failed` event and the ErrImagePull message show it. */
  | { readonly ok: false; readonly message: string };

interface Declaration {
  readonly ref: ImageReference;
  readonly exact: boolean;
  readonly behaviour: ImageBehaviour | ((invocation: ContainerInvocation) => ImageBehaviour);
  readonly sizeBytes: number;
  /** The tags that exist, for a declaration of a whole repository; absent: every tag. */
  readonly tags?: readonly string[];
}

const DECLARED_SIZE = 10_485_760;

export class ImageCatalog {
  private readonly declarations: Declaration[] = [];

  constructor(private readonly entries: readonly ImageEntry[] = BUILTIN_IMAGES) {}

  /**
   * Declares what an image does (a scenario's `the image "…" behaves as:`). Later
   * declarations win. Throws InvalidImageNameError for a malformed reference.
   */
  declare(
    reference: string,
    behaviour: ImageBehaviour | ((invocation: ContainerInvocation) => ImageBehaviour),
    sizeBytes = DECLARED_SIZE,
    options: { readonly tags?: readonly string[] } = {},
  ): void {
    const ref = parseImageReference(reference);
    const exact = /[:@][^/]*$/.test(reference.slice(reference.lastIndexOf('/') + 1));
    this.declarations.unshift({
      ref,
      exact,
      behaviour,
      sizeBytes,
      ...(options.tags ? { tags: options.tags } : {}),
    });
  }

  /** Resolves a reference the way a registry would answer a pull of it. */
  pull(ref: ImageReference): PullResult {
    const declared = this.declared(ref);
    if (declared) {
      if (ref.tag && !ref.digest && declared.tags && !declared.tags.includes(ref.tag)) return notFound(ref);
      const b = declared.behaviour;
      return this.pulled(ref, declared.sizeBytes, typeof b === 'function' ? b : () => b);
    }
    const entry = this.entries.find((e) => e.repositories.includes(ref.repository));
    if (entry) {
      if (ref.tag && !ref.digest && entry.tagExists && !entry.tagExists(ref.tag)) return notFound(ref);
      return this.pulled(ref, entry.sizeBytes(ref), (invocation) => entry.behaviour(invocation, ref));
    }
    return this.pulled(ref, DECLARED_SIZE, () => UNKNOWN_BEHAVIOUR);
  }

  private declared(ref: ImageReference): Declaration | undefined {
    return this.declarations.find((d) =>
      d.exact ? d.ref.normalized === ref.normalized : d.ref.repository === ref.repository,
    );
  }

  private pulled(
    ref: ImageReference,
    sizeBytes: number,
    behaviour: (invocation: ContainerInvocation) => ImageBehaviour,
  ): PullResult {
    const digest = ref.digest ?? `sha256:${sha256(`kubesim:${ref.repository}:${ref.tag}`)}`;
    return { ok: true, image: { ref, imageID: `${ref.repository}@${digest}`, sizeBytes, behaviour } };
  }
}

/** containerd's answer for a tag the registry does not have. */
function notFound(ref: ImageReference): PullResult {
  return {
    ok: false,
    message:
      `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.normalized}": ` +
      `failed to resolve image: ${ref.normalized}: not found`,
  };
}

/** A stable digest for an image that has none: the same image has the same ID everywhere. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const catalogs = new WeakMap<object, ImageCatalog>();

/** The catalog of one cluster, keyed by its store (any object that lives as long as the cluster). */
export function catalogFor(owner: object): ImageCatalog {
  let catalog = catalogs.get(owner);
  if (!catalog) catalogs.set(owner, (catalog = new ImageCatalog()));
  return catalog;
}
