import type { KubeObject, Service } from '../../api/types.js';
import type { FieldError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { AdmissionPlugin } from '../store.js';
import { AllocatorError, ipMismatchedNetwork } from './allocator-error.js';
import { IPRange } from './ip-range.js';
import { isIPv6String, parseIPv4, prefixContainsIP } from './ipv4.js';
import { PortRange } from './port-range.js';
import {
  CLUSTER_IP_NONE,
  collectNodePorts,
  dropTypeDependentFields,
  isHeadless,
  needsClusterIP,
  needsHealthCheck,
  needsNodePort,
  normalizeClusterIPs,
  patchAllocatedValues,
  ports,
  type ServiceSpec,
  sameStrings,
  serviceType,
  shouldAllocateNodePorts,
} from './service-fields.js';

/** kubeadm's --service-cluster-ip-range (SEMANTICS.md "Identity"). */
export const SERVICE_CIDR = '10.96.0.0/12';

/** What one admitted write reserved, and what it frees once it is stored. */
interface Transaction {
  allocatedIPs: string[];
  allocatedPorts: number[];
  releaseIPs: string[];
  releasePorts: number[];
}

const invalidField = (field: string, value: unknown, detail: string): FieldError => ({
  type: 'Invalid value',
  field,
  value,
  detail,
});

/**
 * The ClusterIP and NodePort allocators of the Service REST storage
 * (pkg/registry/core/service/storage/alloc.go), as an admission plugin of the in-memory store.
 *
 * admit() runs what the apiserver's beginCreate/beginUpdate run: normalise and patch the IP
 * fields, default ipFamilies/ipFamilyPolicy, reserve ClusterIPs and NodePorts. Reservations
 * are held in a transaction until the store commits (freeing what the update gave up) or
 * aborts (freeing what the write reserved), so a rejected Service holds nothing.
 *
 * Simplified: single-stack IPv4 only; one ServiceCIDR; a dry run really reserves and then
 * aborts, so it reports an already-allocated static IP that the real dry-run allocator lets
 * through; "range is full" is reported as a field error instead of an InternalError status.
 */
export class ServiceAllocator implements AdmissionPlugin {
  readonly kind = 'Service' as const;
  readonly ips = new IPRange(SERVICE_CIDR);
  readonly nodePorts = new PortRange();
  private readonly pending = new Map<KubeObject, Transaction>();

  constructor(private readonly random: Random) {}

  admit(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
    const svc = obj as Service;
    const before = old as Service | undefined;
    const txn: Transaction = { allocatedIPs: [], allocatedPorts: [], releaseIPs: [], releasePorts: [] };
    this.pending.set(obj, txn);
    const errors = before ? this.admitUpdate(svc, before, txn) : this.admitCreate(svc, txn);
    if (errors.length > 0) this.rollback(txn);
    return errors;
  }

  commit(obj: KubeObject): void {
    const txn = this.pending.get(obj);
    this.pending.delete(obj);
    if (!txn) return;
    for (const ip of txn.releaseIPs) this.ips.release(ip);
    for (const port of txn.releasePorts) this.nodePorts.release(port);
  }

  abort(obj: KubeObject): void {
    const txn = this.pending.get(obj);
    this.pending.delete(obj);
    if (txn) this.rollback(txn);
  }

  /** releaseAllocatedResources: a deleted Service gives back its ClusterIPs and NodePorts. */
  release(obj: KubeObject): void {
    const svc = obj as Service;
    if (needsClusterIP(svc) && !isHeadless(svc)) {
      for (const ip of svc.spec?.clusterIPs ?? []) if (ip && ip !== CLUSTER_IP_NONE) this.ips.release(ip);
    }
    for (const port of collectNodePorts(svc)) this.nodePorts.release(port);
    if (needsHealthCheck(svc) && svc.spec?.healthCheckNodePort) {
      this.nodePorts.release(svc.spec.healthCheckNodePort);
    }
  }

  // ---- create (allocateCreate) ----

  private admitCreate(svc: Service, txn: Transaction): FieldError[] {
    normalizeClusterIPs(svc, undefined);
    if (hasMalformedClusterIP(svc)) return [];
    const familyErrors = initIPFamilyFields(svc, undefined);
    if (familyErrors.length > 0) return familyErrors;
    const ipErrors = this.allocClusterIPs(svc, txn);
    if (ipErrors.length > 0) return ipErrors;
    if (needsNodePort(svc)) {
      const portErrors = this.initNodePorts(svc, txn);
      if (portErrors.length > 0) return portErrors;
    }
    if (needsHealthCheck(svc)) return this.allocHealthCheckNodePort(svc, txn);
    return [];
  }

  /** allocClusterIPs: ExternalName and headless Services get none; an empty slot gets the next free IP. */
  private allocClusterIPs(svc: Service, txn: Transaction): FieldError[] {
    const s = svc.spec!;
    if (!needsClusterIP(svc)) return [];
    if ((s.clusterIPs ?? [])[0] === CLUSTER_IP_NONE) return [];
    const requested = [...(s.clusterIPs ?? [])];
    const families = s.ipFamilies ?? ['IPv4'];
    const result = [...requested];
    for (let i = 0; i < families.length; i++) {
      const ip = requested[i] ?? '';
      if (ip === '') {
        const next = this.ips.allocateNext(this.random);
        if (next instanceof AllocatorError) {
          return [
            {
              type: 'Internal error',
              field: 'spec.clusterIPs',
              detail: `failed to allocate a serviceIP: ${next.message}`,
            },
          ];
        }
        txn.allocatedIPs.push(next);
        result[i] = next;
        continue;
      }
      const err = this.allocateStaticIP(ip);
      if (err) {
        return [
          invalidField('spec.clusterIPs', s.clusterIPs ?? [], `failed to allocate IP ${ip}: ${err.message}`),
        ];
      }
      txn.allocatedIPs.push(ip);
    }
    s.clusterIPs = result;
    s.clusterIP = result[0];
    return [];
  }

  /** MetaAllocator.AllocateService: an IP outside the ServiceCIDR has no allocator at all. */
  private allocateStaticIP(ip: string): AllocatorError | undefined {
    const n = parseIPv4(ip);
    if (n === undefined || !prefixContainsIP(this.ips.cidr, n)) return ipMismatchedNetwork();
    return this.ips.allocate(ip);
  }

  /**
   * initNodePorts: ports that share a port number (53/UDP and 53/TCP) share one NodePort; a
   * requested NodePort is reserved as it is, an absent one is drawn from the range.
   */
  private initNodePorts(svc: Service, txn: Transaction): FieldError[] {
    const list = ports(svc);
    const byPortNumber = new Map<number, number>();
    for (let i = 0; i < list.length; i++) {
      const sp = list[i]!;
      if (!sp.nodePort && !shouldAllocateNodePorts(svc)) continue;
      const allocated = byPortNumber.get(sp.port);
      if (allocated === undefined) {
        const requested = list.find((p) => p.port === sp.port && p.nodePort)?.nodePort ?? 0;
        if (requested) {
          const err = this.allocatePort(requested, txn);
          if (err) return [invalidField(`spec.ports[${i}].nodePort`, requested, err.message)];
          sp.nodePort = requested;
          byPortNumber.set(sp.port, requested);
        } else {
          const next = this.allocateNextPort(txn);
          if (typeof next !== 'number') return [next];
          sp.nodePort = next;
          byPortNumber.set(sp.port, next);
        }
      } else if (sp.nodePort !== allocated) {
        if (!sp.nodePort) sp.nodePort = allocated;
        else {
          const err = this.allocatePort(sp.nodePort, txn);
          if (err) return [invalidField(`spec.ports[${i}].nodePort`, sp.nodePort, err.message)];
        }
      }
    }
    return [];
  }

  private allocHealthCheckNodePort(svc: Service, txn: Transaction): FieldError[] {
    const s = svc.spec!;
    if (s.healthCheckNodePort) {
      const err = this.allocatePort(s.healthCheckNodePort, txn);
      if (err) {
        return [
          {
            type: 'Internal error',
            field: 'spec.healthCheckNodePort',
            detail: `failed to allocate requested HealthCheck NodePort ${s.healthCheckNodePort}: ${err.message}`,
          },
        ];
      }
      return [];
    }
    const next = this.allocateNextPort(txn);
    if (typeof next !== 'number') return [next];
    s.healthCheckNodePort = next;
    return [];
  }

  // ---- update (allocateUpdate) ----

  private admitUpdate(svc: Service, old: Service, txn: Transaction): FieldError[] {
    patchAllocatedValues(svc, old);
    normalizeClusterIPs(svc, old);
    if (hasMalformedClusterIP(svc)) return [];
    const familyErrors = initIPFamilyFields(svc, old);
    if (familyErrors.length > 0) return familyErrors;
    const ipErrors = this.updateClusterIPs(svc, old, txn);
    if (ipErrors.length > 0) return ipErrors;
    const portErrors = this.updateNodePorts(svc, old, txn);
    if (portErrors.length > 0) return portErrors;
    const hcErrors = this.updateHealthCheckNodePort(svc, old, txn);
    if (hcErrors.length > 0) return hcErrors;
    dropTypeDependentFields(svc, old);
    return [];
  }

  /**
   * updateClusterIPs: ExternalName → another type allocates, another type → ExternalName gives
   * the IPs back once stored. A changed ClusterIP is not allocated here: validation
   * (ValidateServiceUpdate, "may not change once set") rejects it after admission.
   */
  private updateClusterIPs(svc: Service, old: Service, txn: Transaction): FieldError[] {
    if (!needsClusterIP(old) && needsClusterIP(svc)) return this.allocClusterIPs(svc, txn);
    if (needsClusterIP(old) && !needsClusterIP(svc) && !isHeadless(old)) {
      txn.releaseIPs.push(...(old.spec?.clusterIPs ?? []).filter((ip) => ip));
    }
    return [];
  }

  /** txnUpdateNodePorts / updateNodePorts. */
  private updateNodePorts(svc: Service, old: Service, txn: Transaction): FieldError[] {
    if (needsNodePort(old) && !needsNodePort(svc)) {
      txn.releasePorts.push(...collectNodePorts(old));
      return [];
    }
    if (!needsNodePort(svc)) return [];
    const oldNumbers = collectNodePorts(old);
    const reserved = new Set<number>();
    const list = ports(svc);
    for (let i = 0; i < list.length; i++) {
      const sp = list[i]!;
      if (!sp.nodePort && !shouldAllocateNodePorts(svc)) continue;
      if (sp.nodePort) {
        if (!oldNumbers.includes(sp.nodePort) && !reserved.has(sp.nodePort)) {
          const err = this.allocatePort(sp.nodePort, txn);
          if (err) return [invalidField(`spec.ports[${i}].nodePort`, sp.nodePort, err.message)];
          reserved.add(sp.nodePort);
        }
      } else {
        const next = this.allocateNextPort(txn);
        if (typeof next !== 'number') return [next];
        sp.nodePort = next;
      }
    }
    const newNumbers = new Set(collectNodePorts(svc));
    for (const n of oldNumbers) if (!newNumbers.has(n)) txn.releasePorts.push(n);
    return [];
  }

  /** updateHealthCheckNodePort. */
  private updateHealthCheckNodePort(svc: Service, old: Service, txn: Transaction): FieldError[] {
    const needed = needsHealthCheck(old);
    const needs = needsHealthCheck(svc);
    const oldPort = old.spec?.healthCheckNodePort ?? 0;
    if (!needed && needs) return this.allocHealthCheckNodePort(svc, txn);
    if (needed && !needs) {
      if (oldPort) txn.releasePorts.push(oldPort);
      return [];
    }
    if (needed && needs && oldPort !== (svc.spec?.healthCheckNodePort ?? 0)) {
      return [
        invalidField(
          'spec.healthCheckNodePort',
          svc.spec?.healthCheckNodePort ?? 0,
          'cannot change healthCheckNodePort on loadBalancer service with externalTraffic=Local during update',
        ),
      ];
    }
    return [];
  }

  // ---- bookkeeping ----

  private allocatePort(port: number, txn: Transaction): AllocatorError | undefined {
    const err = this.nodePorts.allocate(port);
    if (!err) txn.allocatedPorts.push(port);
    return err;
  }

  private allocateNextPort(txn: Transaction): number | FieldError {
    const next = this.nodePorts.allocateNext(this.random);
    if (next instanceof AllocatorError) {
      return {
        type: 'Internal error',
        field: 'spec.ports',
        detail: `failed to allocate a nodePort: ${next.message}`,
      };
    }
    txn.allocatedPorts.push(next);
    return next;
  }

  private rollback(txn: Transaction): void {
    for (const ip of txn.allocatedIPs) this.ips.release(ip);
    for (const port of txn.allocatedPorts) this.nodePorts.release(port);
    txn.allocatedIPs = [];
    txn.allocatedPorts = [];
    txn.releaseIPs = [];
    txn.releasePorts = [];
  }
}

/**
 * A clusterIPs entry that is not an IP address. Upstream's loose pre-validation
 * (ValidateServiceClusterIPsRelatedFields) rejects it before allocating, with the same message
 * the Service validation gives; here nothing is reserved and validation reports it once.
 */
function hasMalformedClusterIP(svc: Service): boolean {
  if (!needsClusterIP(svc)) return false;
  return (svc.spec?.clusterIPs ?? []).some(
    (ip, i) => !(i === 0 && ip === CLUSTER_IP_NONE) && parseIPv4(ip) === undefined && !isIPv6String(ip),
  );
}

/**
 * initIPFamilyFields for a single-stack IPv4 cluster: infers ipFamilyPolicy (SingleStack, or
 * RequireDualStack for a headless Service without selector, as upstream does even on a
 * single-stack cluster) and ipFamilies, and rejects what this cluster cannot serve.
 */
export function initIPFamilyFields(svc: Service, old: Service | undefined): FieldError[] {
  if (serviceType(svc) === 'ExternalName') return [];
  const s = svc.spec as ServiceSpec;
  const o = old?.spec;
  if (
    o &&
    o.ipFamilyPolicy === 'PreferDualStack' &&
    s.ipFamilyPolicy === 'PreferDualStack' &&
    sameStrings(o.clusterIPs, s.clusterIPs) &&
    sameStrings(o.ipFamilies, s.ipFamilies)
  ) {
    return [];
  }
  const selectorless = Object.keys(s.selector ?? {}).length === 0;
  if (!s.ipFamilyPolicy) {
    if (o?.ipFamilyPolicy) s.ipFamilyPolicy = o.ipFamilyPolicy;
    else if (s.clusterIP === CLUSTER_IP_NONE && selectorless) s.ipFamilyPolicy = 'RequireDualStack';
    else s.ipFamilyPolicy = 'SingleStack';
  }

  const errors: FieldError[] = [];
  const clusterIPs = s.clusterIPs ?? [];
  if (s.ipFamilyPolicy === 'SingleStack') {
    if (clusterIPs.length === 2) {
      errors.push(
        invalidField(
          'spec.ipFamilyPolicy',
          s.ipFamilyPolicy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
        ),
      );
    }
    if ((s.ipFamilies ?? []).length === 2) {
      errors.push(
        invalidField(
          'spec.ipFamilyPolicy',
          s.ipFamilyPolicy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
        ),
      );
    }
  }
  const families = [...(s.ipFamilies ?? [])];
  for (let i = 0; i < clusterIPs.length; i++) {
    const ip = clusterIPs[i]!;
    if (ip === CLUSTER_IP_NONE) break;
    const family = isIPv6String(ip) ? 'IPv6' : 'IPv4';
    if (i >= families.length) {
      if (family === 'IPv6') {
        errors.push(
          invalidField(`spec.clusterIPs[${i}]`, clusterIPs, 'IPv6 is not configured on this cluster'),
        );
      } else families.push(family);
    }
  }
  if (errors.length > 0) return errors;
  s.ipFamilies = families;

  if (s.clusterIP === CLUSTER_IP_NONE && selectorless) {
    if (families.length === 0) families.push('IPv4');
    if (families.length < 2 && s.ipFamilyPolicy !== 'SingleStack') {
      families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    }
    s.ipFamilies = families;
    return [];
  }

  if (s.ipFamilyPolicy === 'RequireDualStack') {
    errors.push(
      invalidField(
        'spec.ipFamilyPolicy',
        s.ipFamilyPolicy,
        'this cluster is not configured for dual-stack services',
      ),
    );
  }
  families.forEach((family, i) => {
    if (family !== 'IPv4')
      errors.push(invalidField(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
  });
  if (errors.length > 0) return errors;
  if (families.length === 0) families.push('IPv4');
  s.ipFamilies = families;
  return [];
}
