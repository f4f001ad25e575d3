/** discovery/v1 EndpointSlices (pkg/apis/discovery/validation, discovery/v1 defaults). */
import type { KindStrategy } from '../strategy.js';
import type { EndpointSlice } from '../types.js';
import { duplicate, FieldPath, invalid, notSupported, required, tooMany } from '../validation/field.js';
import { validateLabels, validateObjectMeta } from '../validation/meta.js';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isIPv6,
  isQualifiedName,
  nameIsDNSSubdomain,
  parseIPv4,
} from '../validation/names.js';
import { validateNonSpecialIP } from './endpoints.js';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export const endpointSliceStrategy: KindStrategy = {
  kind: 'EndpointSlice',
  defaults(obj) {
    for (const port of (obj as EndpointSlice).ports ?? []) {
      const p = port as { name?: string; protocol?: string };
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
  },
  validate(obj) {
    const slice = obj as EndpointSlice;
    const errs = validateObjectMeta(slice.metadata, true, nameIsDNSSubdomain);
    const addressType = slice.addressType ?? '';
    if (!addressType) errs.push(required(FieldPath.root('addressType')));
    else if (!ADDRESS_TYPES.includes(addressType))
      errs.push(notSupported(FieldPath.root('addressType'), addressType, ADDRESS_TYPES));
    const endpoints = slice.endpoints ?? [];
    if (endpoints.length > 1000) errs.push(tooMany(FieldPath.root('endpoints'), endpoints.length, 1000));
    else {
      endpoints.forEach((ep, i) => {
        const p = FieldPath.root('endpoints').index(i);
        const addrPath = p.child('addresses');
        const addresses = ep.addresses ?? [];
        if (addresses.length === 0) errs.push(required(addrPath, 'must contain at least 1 address'));
        else if (addresses.length > 100) errs.push(tooMany(addrPath, addresses.length, 100));
        addresses.forEach((a, j) => {
          const ap = addrPath.index(j);
          if (addressType === 'IPv4') {
            if (!parseIPv4(a)) errs.push(invalid(ap, a, 'must be a valid IPv4 address'));
            else errs.push(...validateNonSpecialIP(a, ap));
          } else if (addressType === 'IPv6') {
            if (!isIPv6(a)) errs.push(invalid(ap, a, 'must be a valid IPv6 address'));
            else errs.push(...validateNonSpecialIP(a, ap));
          } else if (addressType === 'FQDN') {
            for (const m of isDNS1123Subdomain(a)) errs.push(invalid(ap, a, m));
          }
        });
        if (ep.nodeName)
          for (const m of isDNS1123Subdomain(ep.nodeName))
            errs.push(invalid(p.child('nodeName'), ep.nodeName, m));
        errs.push(...validateLabels(ep.deprecatedTopology, p.child('deprecatedTopology')));
        if (ep.hostname)
          for (const m of isDNS1123Label(ep.hostname))
            errs.push(invalid(p.child('hostname'), ep.hostname, m));
      });
    }
    const ports = slice.ports ?? [];
    if (ports.length > 100) errs.push(tooMany(FieldPath.root('ports'), ports.length, 100));
    else {
      const names = new Set<string>();
      ports.forEach((port, i) => {
        const p = FieldPath.root('ports').index(i);
        const name = port.name ?? '';
        if (name) for (const m of isDNS1123Label(name)) errs.push(invalid(p.child('name'), name, m));
        if (names.has(name)) errs.push(duplicate(p.child('name'), name));
        else names.add(name);
        if (port.protocol === undefined) errs.push(required(p.child('protocol')));
        else if (!PROTOCOLS.includes(port.protocol))
          errs.push(notSupported(p.child('protocol'), port.protocol, PROTOCOLS));
        if (port.appProtocol !== undefined) {
          for (const m of isQualifiedName(port.appProtocol))
            errs.push(invalid(p.child('appProtocol'), port.appProtocol, m));
        }
      });
    }
    return errs;
  },
};
