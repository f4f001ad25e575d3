/** What a reconcile asks for next: nothing, or another look after a delay. */
export interface ReconcileResult {
  /** Milliseconds of simulated time after which the key is reconciled again. */
  requeueAfter?: number;
}

/**
 * The whole contract of a controller (controller-runtime style): given a key (`namespace/name`),
 * re-read the state, compute the desired state with pure functions, write only what changed.
 * Mapping store events to keys is the controller's `start`, separate from reconciling.
 */
export interface Reconciler {
  /** Names the controller in errors and traces (`deployment-controller`). */
  readonly name: string;
  reconcile(key: string): ReconcileResult | undefined;
}

/** Splits a `namespace/name` key (a key without a slash names a cluster-scoped object). */
export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}

export function keyFor(obj: { metadata: { namespace?: string; name: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
}
