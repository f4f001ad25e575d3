/** PodDescriber (describe.go describePod). */
import { podQOSClass } from '../../api/defaults/qos.js';
import type { KubeObject, Pod } from '../../api/types.js';
import { describeContainers, describeResources, envValueRetriever } from './containers.js';
import type { DescribeContext } from './context.js';
import { describeEvents, podTarget, searchEvents } from './events.js';
import {
  controllerOf,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from './format.js';
import { rfc1123z, since } from './time.js';
import { describeTopologySpreadConstraints } from './topology.js';
import { describeVolumes } from './volumes.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './writer.js';

/** qos.GetPodQOS: the class the API server stored, else computed from the containers. */
function qosOf(pod: Pod): string {
  return pod.status?.qosClass || (pod.spec ? podQOSClass(pod.spec) : 'BestEffort');
}

function describePodIPs(pod: Pod, w: PrefixWriter): void {
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

export function describePod(obj: KubeObject, ctx: DescribeContext): string {
  const pod = obj as Pod;
  const events = ctx.showEvents ? searchEvents(ctx.events ?? ctx.store, podTarget(pod)) : undefined;
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
    if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', pod.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
    const phase = status.phase ?? '';
    if (pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
      // The deletion timestamp is when the grace period ends, so during it this reads <invalid>.
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, ctx.now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${phase}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost')
        w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    describePodIPs(pod, w);
    const controlledBy = controllerOf(pod.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    // Pod-level resources (PodLevelResources, alpha in v1.33) are newer than kubesim's types.
    const podResources = (spec as { resources?: Parameters<typeof describeResources>[0] }).resources;
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(podResources, w, LEVEL_1);
    }
    const resolver = envValueRetriever(pod);
    if (spec.initContainers && spec.initContainers.length > 0) {
      describeContainers(
        'Init Containers',
        spec.initContainers,
        status.initContainerStatuses,
        resolver,
        w,
        '',
      );
    }
    describeContainers('Containers', spec.containers, status.containerStatuses, resolver, w, '');
    if (spec.ephemeralContainers && spec.ephemeralContainers.length > 0) {
      describeContainers(
        'Ephemeral Containers',
        spec.ephemeralContainers,
        status.ephemeralContainerStatuses,
        resolver,
        w,
        '',
      );
    }
    if (spec.readinessGates && spec.readinessGates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const c = status.conditions?.find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes as Array<Record<string, unknown>> | undefined, w, '');
    w.write(LEVEL_0, `QoS Class:\t${qosOf(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    describeEvents(events, w, ctx.now);
  });
}
