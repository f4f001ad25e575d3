/** EndpointsDescriber and EndpointSliceDescriber (describe.go describeEndpoints, describeEndpointSliceV1). */
import type { EndpointSlice, Endpoints, KubeObject } from '../../api/types.js';
import type { DescribeContext } from './context.js';
import { describeEvents, searchEvents, targetOf } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './writer.js';

export function describeEndpoints(obj: KubeObject, ctx: DescribeContext): string {
  const ep = obj as Endpoints;
  const events = ctx.showEvents ? searchEvents(ctx.events ?? ctx.store, targetOf(ep)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      const ready = (subset.addresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
      const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      if (subset.ports && subset.ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of subset.ports)
          w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    describeEvents(events, w, ctx.now);
  });
}

export function describeEndpointSlice(obj: KubeObject, ctx: DescribeContext): string {
  const eps = obj as EndpointSlice;
  const events = ctx.showEvents ? searchEvents(ctx.events ?? ctx.store, targetOf(eps)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', eps.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`);
    const ports = eps.ports ?? [];
    if (ports.length === 0) {
      w.write(LEVEL_0, 'Ports: <unset>\n');
    } else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) {
        const port = p.port === undefined || p.port === null ? '<unset>' : String(p.port);
        w.write(LEVEL_1, `${p.name || '<unset>'}\t${port}\t${p.protocol ?? ''}\n`);
      }
    }
    const endpoints = eps.endpoints ?? [];
    if (endpoints.length === 0) {
      w.write(LEVEL_0, 'Endpoints: <none>\n');
    } else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = e.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
        if (e.targetRef)
          w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
      }
    }
    describeEvents(events, w, ctx.now);
  });
}
