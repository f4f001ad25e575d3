/** core/v1 Endpoints (ValidateEndpointsCreate, SetDefaults_EndpointPort). */
import type { KindStrategy } from '../strategy.js';
import type { EndpointAddress, Endpoints } from '../types.js';
import { type Errors, FieldPath, invalid, notSupported, required } from '../validation/field.js';
import { validateObjectMeta } from '../validation/meta.js';
import {
  IP_ERROR,
  isDNS1123Label,
  isDNS1123Subdomain,
  isIP,
  isValidPortNum,
  nameIsDNSSubdomain,
  parseIPv4,
} from '../validation/names.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** ValidateNonSpecialIP (IPv4 ranges; IPv6 only for ::1 and ::). */
export function validateNonSpecialIP(ip: string, path: FieldPath): Errors {
  const v4 = parseIPv4(ip);
  if (!v4 && !isIP(ip)) return [invalid(path, ip, 'must be a valid IP address')];
  const errs: Errors = [];
  if (ip === '0.0.0.0' || ip === '::') errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if ((v4 && v4[0] === 127) || ip === '::1')
    errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if ((v4 && v4[0] === 169 && v4[1] === 254) || /^fe[89ab]/i.test(ip)) {
    errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  }
  if ((v4 && v4[0] === 224 && v4[1] === 0 && v4[2] === 0) || /^ff02:/i.test(ip)) {
    errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}

function validateAddress(a: EndpointAddress, path: FieldPath): Errors {
  const errs: Errors = [];
  if (!isIP(a.ip)) errs.push(invalid(path.child('ip'), a.ip, IP_ERROR));
  if (a.hostname)
    for (const m of isDNS1123Label(a.hostname)) errs.push(invalid(path.child('hostname'), a.hostname, m));
  if (a.nodeName)
    for (const m of isDNS1123Subdomain(a.nodeName)) errs.push(invalid(path.child('nodeName'), a.nodeName, m));
  errs.push(...validateNonSpecialIP(a.ip, path.child('ip')));
  return errs;
}

export const endpointsStrategy: KindStrategy = {
  kind: 'Endpoints',
  defaults(obj) {
    for (const subset of (obj as Endpoints).subsets ?? []) {
      for (const port of subset.ports ?? []) (port as { protocol?: string }).protocol ||= 'TCP';
    }
  },
  validate(obj) {
    const ep = obj as Endpoints;
    const errs = validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain);
    const subsets = FieldPath.root('subsets');
    (ep.subsets ?? []).forEach((ss, i) => {
      const p = subsets.index(i);
      if ((ss.addresses ?? []).length === 0 && (ss.notReadyAddresses ?? []).length === 0) {
        errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
      }
      (ss.addresses ?? []).forEach((a, j) => {
        errs.push(...validateAddress(a, p.child('addresses').index(j)));
      });
      (ss.notReadyAddresses ?? []).forEach((a, j) => {
        errs.push(...validateAddress(a, p.child('notReadyAddresses').index(j)));
      });
      const ports = ss.ports ?? [];
      ports.forEach((port, j) => {
        const pp = p.child('ports').index(j);
        if (ports.length > 1 && !port.name) errs.push(required(pp.child('name')));
        else if (port.name)
          for (const m of isDNS1123Label(port.name)) errs.push(invalid(pp.child('name'), port.name, m));
        for (const m of isValidPortNum(port.port ?? 0))
          errs.push(invalid(pp.child('port'), port.port ?? 0, m));
        if (!port.protocol) errs.push(required(pp.child('protocol')));
        else if (!PROTOCOLS.includes(port.protocol))
          errs.push(notSupported(pp.child('protocol'), port.protocol, PROTOCOLS));
      });
    });
    return errs;
  },
};
