import { nodeObject } from '../controllers/kubelet/node-object.js';
import type { Random } from '../core/random.js';
import { serviceAccountAdmission } from '../store/admission/service-account.js';
import { bootstrapServices, serviceAdmission } from '../store/allocators/services.js';
import type { Store } from '../store/store.js';
import type { ClusterSettings } from './settings.js';

/** The system namespaces every cluster starts with. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** What a fresh cluster holds before the scenario's first step: namespaces, nodes, system services. */
export function bootstrap(store: Store, random: Random, settings: ClusterSettings): void {
  for (const name of SYSTEM_NAMESPACES) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  store.addAdmission(serviceAdmission(random.fork('services')));
  store.addAdmission(serviceAccountAdmission(random.fork('service-account')));
  settings.nodes.forEach((spec, index) => {
    store.create(nodeObject(spec, index));
  });
  bootstrapServices(store);
}
