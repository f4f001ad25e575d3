import { createHash } from 'node:crypto';
import type { EndpointAddress, EndpointPort, EndpointSubset } from '../../api/types.js';

/**
 * Upstream orders Endpoints ports and subsets, and EndpointSlice ports, by the md5 of the
 * object's go-spew `%#v` rendering (pkg/util/hash DeepHashObject with spew's ForHash config;
 * md5 in v1.33, fnv from v1.35). To show the same order kubesim renders the same text:
 * types in parentheses, struct fields in Go declaration order, strings bare, nil pointers as
 * `(*T)<nil>` at field level, slice elements without their type, empty slices as `<nil>` (the
 * repacked slices are nil when empty).
 *
 * Checked against real clusters: kube-dns's Endpoints list its ports dns-tcp, dns, metrics and
 * its EndpointSlice prints PORTS `9153,53,53` in v1.33.
 */

export function md5Hex(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

const ptr = (type: string, value: string | number | undefined): string =>
  value === undefined ? `(*${type})<nil>` : `(*${type})${value}`;

/** The fields of a core/v1 EndpointPort: Name, Port, Protocol, AppProtocol. */
function corePortFields(p: EndpointPort): string {
  return (
    `{Name:(string)${p.name ?? ''} Port:(int32)${p.port} Protocol:(v1.Protocol)${p.protocol ?? ''}` +
    ` AppProtocol:${ptr('string', p.appProtocol)}}`
  );
}

/** The fields of a core/v1 EndpointAddress: IP, Hostname, NodeName, TargetRef. */
function coreAddressFields(a: EndpointAddress): string {
  const ref = a.targetRef;
  const target = ref
    ? `(*v1.ObjectReference){Kind:(string)${ref.kind ?? ''} Namespace:(string)${ref.namespace ?? ''}` +
      ` Name:(string)${ref.name ?? ''} UID:(types.UID)${ref.uid ?? ''} APIVersion:(string)${ref.apiVersion ?? ''}` +
      ` ResourceVersion:(string)${ref.resourceVersion ?? ''} FieldPath:(string)${ref.fieldPath ?? ''}}`
    : '(*v1.ObjectReference)<nil>';
  return (
    `{IP:(string)${a.ip} Hostname:(string)${a.hostname ?? ''} NodeName:${ptr('string', a.nodeName)}` +
    ` TargetRef:${target}}`
  );
}

function slice<T>(type: string, items: readonly T[] | undefined, render: (item: T) => string): string {
  if (!items || items.length === 0) return `([]${type})<nil>`;
  return `([]${type})[${items.map(render).join(' ')}]`;
}

/** spew `%#v` of a core/v1 EndpointPort value. */
export function spewEndpointPort(p: EndpointPort): string {
  return `(v1.EndpointPort)${corePortFields(p)}`;
}

/** spew `%#v` of a core/v1 EndpointSubset value. */
export function spewEndpointSubset(s: EndpointSubset): string {
  return (
    `(v1.EndpointSubset){Addresses:${slice('v1.EndpointAddress', s.addresses, coreAddressFields)}` +
    ` NotReadyAddresses:${slice('v1.EndpointAddress', s.notReadyAddresses, coreAddressFields)}` +
    ` Ports:${slice('v1.EndpointPort', s.ports, corePortFields)}}`
  );
}

/** A discovery/v1 EndpointPort: every field is a pointer. */
export interface SlicePort {
  name?: string;
  protocol?: string;
  port?: number;
  appProtocol?: string;
}

/** spew `%#v` of a discovery/v1 EndpointPort value: Name, Protocol, Port, AppProtocol. */
export function spewSlicePort(p: SlicePort): string {
  return (
    `(v1.EndpointPort){Name:${ptr('string', p.name)} Protocol:${ptr('v1.Protocol', p.protocol)}` +
    ` Port:${ptr('int32', p.port)} AppProtocol:${ptr('string', p.appProtocol)}}`
  );
}

/** Sorts by a precomputed hash; the result is the order Go's sort.Sort gives with a hash Less. */
export function sortByHash<T>(items: readonly T[], hash: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: hash(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.item);
}
