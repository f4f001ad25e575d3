import type { Random } from '../../core/random.js';
import type { AdmissionPlugin, Store } from '../store.js';

/** Placeholder: ClusterIP and NodePort allocation for Services. */
export function serviceAdmission(_random: Random): AdmissionPlugin {
  return { kind: 'Service', admit: () => [] };
}

/** Placeholder: the `kubernetes` and `kube-dns` services. */
export function bootstrapServices(_store: Store): void {}
