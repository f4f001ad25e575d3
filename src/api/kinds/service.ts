/** Services (pkg/apis/core/validation: ValidateService, ValidateServiceUpdate). */

import { GoValue } from '../../core/errors.js';
import { defaultService, externallyAccessible } from '../defaults/service.js';
import type { KindStrategy } from '../strategy.js';
import type { Service, ServicePort } from '../types.js';
import {
  duplicate,
  type Errors,
  FieldPath,
  forbidden,
  invalid,
  notSupported,
  required,
} from '../validation/field.js';
import { validateLabels, validateObjectMeta } from '../validation/meta.js';
import {
  IP_ERROR,
  isDNS1123Label,
  isDNS1123Subdomain,
  isIP,
  isQualifiedName,
  isValidPortName,
  isValidPortNum,
  nameIsDNS1035Label,
} from '../validation/names.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const spec = FieldPath.root('spec');

function isHeadless(svc: Service): boolean {
  return (svc.spec?.clusterIPs ?? [])[0] === 'None';
}

function validatePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: FieldPath): Errors {
  const errs: Errors = [];
  if (requireName && !sp.name) errs.push(required(path.child('name')));
  else if (sp.name) {
    for (const m of isDNS1123Label(sp.name)) errs.push(invalid(path.child('name'), sp.name, m));
    if (names.has(sp.name)) errs.push(duplicate(path.child('name'), sp.name));
    else names.add(sp.name);
  }
  for (const m of isValidPortNum(sp.port ?? 0)) errs.push(invalid(path.child('port'), sp.port ?? 0, m));
  if (!sp.protocol) errs.push(required(path.child('protocol')));
  else if (!PROTOCOLS.includes(sp.protocol))
    errs.push(notSupported(path.child('protocol'), sp.protocol, PROTOCOLS));
  const tp = sp.targetPort;
  if (typeof tp === 'string')
    for (const m of isValidPortName(tp)) errs.push(invalid(path.child('targetPort'), tp, m));
  else for (const m of isValidPortNum(tp ?? 0)) errs.push(invalid(path.child('targetPort'), tp ?? 0, m));
  if (sp.appProtocol !== undefined) {
    for (const m of isQualifiedName(sp.appProtocol))
      errs.push(invalid(path.child('appProtocol'), sp.appProtocol, m));
  }
  return errs;
}

function validateClusterIPs(svc: Service): Errors {
  const s = svc.spec!;
  if (s.type === 'ExternalName') return [];
  const errs: Errors = [];
  const field = spec.child('clusterIPs');
  const ips = s.clusterIPs ?? [];
  if (s.clusterIP) {
    if (ips.length === 0) errs.push(required(field));
    else if (ips[0] !== s.clusterIP) errs.push(invalid(field, ips, 'first value must match `clusterIP`'));
  } else if (ips.length > 0)
    errs.push(invalid(field, ips, 'must be empty when `clusterIP` is not specified'));
  const seen = new Set<string>();
  (s.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6')
      errs.push(notSupported(spec.child('ipFamilies').index(i), f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(spec.child('ipFamilies').index(i), f));
    seen.add(f);
  });
  const policy = s.ipFamilyPolicy;
  if (policy !== undefined && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(policy)) {
    errs.push(
      notSupported(spec.child('ipFamilyPolicy'), policy, [
        'PreferDualStack',
        'RequireDualStack',
        'SingleStack',
      ]),
    );
  }
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(invalid(field, ips, "'None' must be the first and only value"));
      return;
    }
    if (!isIP(ip)) errs.push(invalid(field.index(i), ip, IP_ERROR));
  });
  return errs;
}

function validateService(obj: Service): Errors {
  const svc = obj;
  const s = svc.spec ?? {};
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const ports = s.ports ?? [];
  if (ports.length === 0 && !isHeadless(svc) && s.type !== 'ExternalName')
    errs.push(required(spec.child('ports')));
  if (s.type === 'LoadBalancer' && isHeadless(svc)) {
    errs.push(
      invalid(
        spec.child('clusterIPs').index(0),
        'None',
        "may not be set to 'None' for LoadBalancer services",
      ),
    );
  }
  if (s.type === 'NodePort' && isHeadless(svc)) {
    errs.push(
      invalid(spec.child('clusterIPs').index(0), 'None', "may not be set to 'None' for NodePort services"),
    );
  }
  if (s.type === 'ExternalName') {
    if ((s.clusterIPs ?? []).length > 0)
      errs.push(forbidden(spec.child('clusterIPs'), 'may not be set for ExternalName services'));
    if ((s.ipFamilies ?? []).length > 0)
      errs.push(forbidden(spec.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (s.ipFamilyPolicy !== undefined)
      errs.push(forbidden(spec.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    const cname = (s.externalName ?? '').replace(/\.$/, '');
    if (cname)
      for (const m of isDNS1123Subdomain(cname)) errs.push(invalid(spec.child('externalName'), cname, m));
    else errs.push(required(spec.child('externalName')));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    errs.push(...validatePort(p, ports.length > 1, names, spec.child('ports').index(i)));
  });
  if (s.selector) errs.push(...validateLabels(s.selector, spec.child('selector')));
  if (!s.sessionAffinity) errs.push(required(spec.child('sessionAffinity')));
  else if (!['ClientIP', 'None'].includes(s.sessionAffinity)) {
    errs.push(notSupported(spec.child('sessionAffinity'), s.sessionAffinity, ['ClientIP', 'None']));
  }
  if (s.sessionAffinity === 'None' && s.sessionAffinityConfig) {
    errs.push(
      forbidden(spec.child('sessionAffinityConfig'), 'must not be set when session affinity is None'),
    );
  }
  errs.push(...validateClusterIPs(svc));
  (s.externalIPs ?? []).forEach((ip, i) => {
    if (!isIP(ip)) errs.push(invalid(spec.child('externalIPs').index(i), ip, IP_ERROR));
  });
  if (!s.type) errs.push(required(spec.child('type')));
  else if (!TYPES.includes(s.type)) errs.push(notSupported(spec.child('type'), s.type, TYPES));
  if (s.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort)
        errs.push(
          forbidden(
            spec.child('ports').index(i).child('nodePort'),
            "may not be used when `type` is 'ClusterIP'",
          ),
        );
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(spec.child('ports').index(i).child('nodePort'), p.nodePort));
    nodePorts.add(key);
  });
  const seenPorts = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seenPorts.has(key)) {
      // The duplicate value is a core.ServicePort holding only the protocol and port.
      const value = new GoValue(
        `core.ServicePort{Name:"", Protocol:${JSON.stringify(p.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
      );
      errs.push(duplicate(spec.child('ports').index(i), value));
    }
    seenPorts.add(key);
  });
  if (s.allocateLoadBalancerNodePorts !== undefined && s.type !== 'LoadBalancer') {
    errs.push(
      forbidden(
        spec.child('allocateLoadBalancerNodePorts'),
        "may only be used when `type` is 'LoadBalancer'",
      ),
    );
  }
  if (!externallyAccessible(s)) {
    if (s.externalTrafficPolicy) {
      errs.push(
        invalid(
          spec.child('externalTrafficPolicy'),
          s.externalTrafficPolicy,
          'may only be set for externally-accessible services',
        ),
      );
    }
  } else if (!s.externalTrafficPolicy) errs.push(required(spec.child('externalTrafficPolicy')));
  else if (!['Cluster', 'Local'].includes(s.externalTrafficPolicy)) {
    errs.push(
      notSupported(spec.child('externalTrafficPolicy'), s.externalTrafficPolicy, ['Cluster', 'Local']),
    );
  }
  // validateServiceExternalTrafficPolicy's healthCheckNodePort half (apiservice.NeedsHealthCheck).
  const hcnp = s.healthCheckNodePort ?? 0;
  if (!(s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local')) {
    if (hcnp !== 0) {
      errs.push(
        invalid(
          spec.child('healthCheckNodePort'),
          hcnp,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ),
      );
    }
  } else if (hcnp === 0) errs.push(required(spec.child('healthCheckNodePort')));
  else for (const m of isValidPortNum(hcnp)) errs.push(invalid(spec.child('healthCheckNodePort'), hcnp, m));
  const itp = s.internalTrafficPolicy;
  if (itp === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(s.type ?? '')) {
    errs.push(required(spec.child('internalTrafficPolicy')));
  }
  if (itp !== undefined && !['Cluster', 'Local'].includes(itp)) {
    errs.push(notSupported(spec.child('internalTrafficPolicy'), itp, ['Cluster', 'Local']));
  }
  return errs;
}

/**
 * validateUpgradeDowngradeClusterIPs: an allocated ClusterIP may not change. kubesim compares
 * only when the new object names its IPs; filling them in from the stored object when a client
 * leaves them out is the allocator's job (the service registry does it before validation).
 */
function validateClusterIPUpdate(svc: Service, old: Service): Errors {
  const next = svc.spec ?? {};
  const prev = old.spec ?? {};
  if (next.type === 'ExternalName' || prev.type === 'ExternalName') return [];
  if (isHeadless(svc) && isHeadless(old)) return [];
  const n = next.clusterIPs ?? [];
  const p = prev.clusterIPs ?? [];
  const errs: Errors = [];
  if (n.length === 0) return errs;
  if (n.length === p.length) {
    p.forEach((ip, i) => {
      if (ip !== n[i]) errs.push(invalid(spec.child('clusterIPs').index(i), n, 'may not change once set'));
    });
  } else if (p.length > 0 && n[0] !== p[0]) {
    errs.push(invalid(spec.child('clusterIPs').index(0), n, 'may not change once set'));
  }
  return errs;
}

export const serviceStrategy: KindStrategy = {
  kind: 'Service',
  defaults: (obj) => defaultService(obj as Service),
  validate: (obj) => validateService(obj as Service),
  validateUpdate(obj, old) {
    return [...validateClusterIPUpdate(obj as Service, old as Service), ...validateService(obj as Service)];
  },
};
