import type { Random } from '../../core/random.js';
import type { AdmissionPlugin } from '../store.js';
import { ServiceAllocator } from './service-admission.js';

export {
  bootstrapServices,
  CONTROL_PLANE_IP,
  KUBE_DNS_SERVICE_IP,
  KUBERNETES_SERVICE_IP,
} from './bootstrap-services.js';
export { SERVICE_CIDR, ServiceAllocator } from './service-admission.js';

/**
 * ClusterIP (10.96.0.0/12) and NodePort (30000-32767) allocation for Services, drawing from the
 * given seeded generator. Install it before bootstrapServices().
 */
export function serviceAdmission(random: Random): AdmissionPlugin {
  return new ServiceAllocator(random);
}
