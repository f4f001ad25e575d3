/**
 * Pod spec validation (pkg/apis/core/validation/validation.go: ValidatePodSpec,
 * validateContainers, validateContainerCommon, validateContainerPorts, validateProbe,
 * validateHandler, ValidateEnv, validateResourceRequirements, ValidateTolerations, ValidateVolumes).
 * Simplified: volume sources are only checked for their name and for naming exactly one source;
 * security contexts, affinity and topology spread constraints are not validated.
 */
import { tryQuantity } from '../../core/quantity.js';
import type { Container, ContainerPort, PodSpec, Probe, ResourceRequirements } from '../types.js';
import {
  duplicate,
  type Errors,
  type FieldPath,
  forbidden,
  invalid,
  notFound,
  notSupported,
  required,
  validateNonnegative,
} from './field.js';
import { validateLabelName, validateLabels } from './meta.js';
import {
  inclusiveRangeError,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
} from './names.js';

export interface PodSpecOptions {
  /** The spec is a Pod's own (not a template): hostPort must equal containerPort with hostNetwork. */
  readonly resourceIsPod: boolean;
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const VOLUME_SOURCES = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
  'image',
];
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function validateVolumes(spec: PodSpec, path: FieldPath): { names: Set<string>; errs: Errors } {
  const names = new Set<string>();
  const errs: Errors = [];
  (spec.volumes ?? []).forEach((vol, i) => {
    const p = path.index(i);
    const el: Errors = [];
    const v = vol as unknown as Record<string, unknown>;
    const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined);
    if (sources.length === 0) el.push(required(p, 'must specify a volume type'));
    for (const extra of sources.slice(1))
      el.push(forbidden(p.child(extra), 'may not specify more than 1 volume type'));
    if (!vol.name) el.push(required(p.child('name')));
    else for (const m of isDNS1123Label(vol.name)) el.push(invalid(p.child('name'), vol.name, m));
    if (names.has(vol.name)) el.push(duplicate(p.child('name'), vol.name));
    if (el.length === 0) names.add(vol.name);
    errs.push(...el);
  });
  return { names, errs };
}

function validateContainerPorts(ports: readonly ContainerPort[] | undefined, path: FieldPath): Errors {
  const errs: Errors = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = path.index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) for (const m of msgs) errs.push(invalid(p.child('name'), port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(p.child('name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(p.child('containerPort')));
    else
      for (const m of isValidPortNum(port.containerPort))
        errs.push(invalid(p.child('containerPort'), port.containerPort, m));
    if (port.hostPort)
      for (const m of isValidPortNum(port.hostPort))
        errs.push(invalid(p.child('hostPort'), port.hostPort, m));
    if (!port.protocol) errs.push(required(p.child('protocol')));
    else if (!PROTOCOLS.includes(port.protocol))
      errs.push(notSupported(p.child('protocol'), port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateEnv(container: Container, path: FieldPath): Errors {
  const errs: Errors = [];
  (container.env ?? []).forEach((ev, i) => {
    const p = path.index(i);
    if (!ev.name) errs.push(required(p.child('name')));
    else for (const m of isRelaxedEnvVarName(ev.name)) errs.push(invalid(p.child('name'), ev.name, m));
    const from = ev.valueFrom as Record<string, unknown> | undefined;
    if (from) {
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter(
        (s) => from[s],
      );
      const vp = p.child('valueFrom');
      if (sources.length === 0) {
        errs.push(
          invalid(
            vp,
            '',
            'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
          ),
        );
      } else if (ev.value) errs.push(invalid(vp, '', 'may not be specified when `value` is not empty'));
      else if (sources.length > 1)
        errs.push(invalid(vp, '', 'may not have more than one field specified at a time'));
    }
  });
  return errs;
}

/** validateResourceRequirements for a container; keys are visited in sorted order. */
export function validateResources(res: ResourceRequirements | undefined, path: FieldPath): Errors {
  const errs: Errors = [];
  const limits = (res?.limits ?? {}) as Record<string, string>;
  const requests = (res?.requests ?? {}) as Record<string, string>;
  const checkName = (name: string, p: FieldPath) => {
    const e: Errors = [];
    for (const m of isQualifiedName(name)) e.push(invalid(p, name, m));
    if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
      e.push(invalid(p, name, 'must be a standard resource for containers'));
    }
    return e;
  };
  const checkValue = (value: string, p: FieldPath) => {
    const q = tryQuantity(value);
    return q && q.nanos < 0n ? [invalid(p, q.toString(), 'must be greater than or equal to 0')] : [];
  };
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  for (const name of Object.keys(limits).sort()) {
    const p = limPath.key(name);
    errs.push(...checkName(name, p), ...checkValue(limits[name]!, p));
  }
  for (const name of Object.keys(requests).sort()) {
    const p = reqPath.key(name);
    errs.push(...checkName(name, p), ...checkValue(requests[name]!, p));
    const req = tryQuantity(requests[name]);
    const lim = limits[name] === undefined ? undefined : tryQuantity(limits[name]);
    const overcommit = STANDARD_CONTAINER_RESOURCES.has(name);
    if (req && lim) {
      if (req.compare(lim) !== 0 && !overcommit) {
        errs.push(invalid(reqPath, req.toString(), `must be equal to ${name} limit of ${lim.toString()}`));
      } else if (req.compare(lim) > 0) {
        errs.push(
          invalid(
            reqPath,
            req.toString(),
            `must be less than or equal to ${name} limit of ${lim.toString()}`,
          ),
        );
      }
    } else if (!lim && !overcommit) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}

function validatePortNumOrName(port: number | string | undefined, path: FieldPath): Errors {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return isValidPortNum(port ?? 0).map((m) => invalid(path, port ?? 0, m));
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

function validateProbe(probe: Probe, path: FieldPath): Errors {
  const errs: Errors = [];
  let handlers = 0;
  for (const h of HANDLERS) {
    const handler = (probe as Record<string, unknown>)[h] as Record<string, unknown> | undefined;
    if (!handler) continue;
    const hp = path.child(h);
    if (handlers > 0) {
      errs.push(forbidden(hp, 'may not specify more than 1 handler type'));
      continue;
    }
    handlers++;
    if (h === 'exec' && ((handler.command as unknown[]) ?? []).length === 0)
      errs.push(required(hp.child('command')));
    if (h === 'httpGet') {
      if (!handler.path) errs.push(required(hp.child('path')));
      errs.push(...validatePortNumOrName(handler.port as number | string, hp.child('port')));
      const scheme = handler.scheme as string;
      if (scheme !== 'HTTP' && scheme !== 'HTTPS')
        errs.push(notSupported(hp.child('scheme'), scheme ?? '', ['HTTP', 'HTTPS']));
    }
    if (h === 'tcpSocket')
      errs.push(...validatePortNumOrName(handler.port as number | string, hp.child('port')));
    if (h === 'grpc') errs.push(...validatePortNumOrName((handler.port as number) ?? 0, hp.child('port')));
  }
  if (handlers === 0) errs.push(required(path, 'must specify a handler type'));
  errs.push(...validateNonnegative(probe.initialDelaySeconds, path.child('initialDelaySeconds')));
  errs.push(...validateNonnegative(probe.timeoutSeconds, path.child('timeoutSeconds')));
  errs.push(...validateNonnegative(probe.periodSeconds, path.child('periodSeconds')));
  errs.push(...validateNonnegative(probe.successThreshold, path.child('successThreshold')));
  errs.push(...validateNonnegative(probe.failureThreshold, path.child('failureThreshold')));
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps !== undefined && tgps <= 0) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  }
  return errs;
}

function validateContainerCommon(c: Container, volumes: Set<string>, path: FieldPath): Errors {
  const errs: Errors = [];
  if (!c.name) errs.push(required(path.child('name')));
  else for (const m of isDNS1123Label(c.name)) errs.push(invalid(path.child('name'), c.name, m));
  // The image reference's syntax is the kubelet's business (InvalidImageName), not the API server's.
  if (!c.image) errs.push(required(path.child('image')));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(required(path.child('terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(c.ports, path.child('ports')));
  errs.push(...validateEnv(c, path.child('env')));
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = path.child('volumeMounts').index(i);
    if (!m.name) errs.push(required(p.child('name')));
    if (!volumes.has(m.name)) errs.push(notFound(p.child('name'), m.name));
    if (!m.mountPath) errs.push(required(p.child('mountPath')));
    if (mountPaths.has(m.mountPath)) errs.push(invalid(p.child('mountPath'), m.mountPath, 'must be unique'));
    mountPaths.add(m.mountPath);
  });
  const pull = c.imagePullPolicy;
  if (!pull) errs.push(required(path.child('imagePullPolicy')));
  else if (!PULL_POLICIES.includes(pull))
    errs.push(notSupported(path.child('imagePullPolicy'), pull, PULL_POLICIES));
  errs.push(...validateResources(c.resources, path.child('resources')));
  return errs;
}

function validateContainers(spec: PodSpec, volumes: Set<string>, path: FieldPath): Errors {
  const containers = spec.containers ?? [];
  if (containers.length === 0) return [required(path)];
  const errs: Errors = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate(p.child('name'), c.name));
    else names.add(c.name);
    if (c.livenessProbe) {
      errs.push(...validateProbe(c.livenessProbe, p.child('livenessProbe')));
      if (c.livenessProbe.successThreshold !== 1) {
        errs.push(
          invalid(
            p.child('livenessProbe', 'successThreshold'),
            c.livenessProbe.successThreshold ?? 0,
            'must be 1',
          ),
        );
      }
    }
    if (c.readinessProbe) {
      errs.push(...validateProbe(c.readinessProbe, p.child('readinessProbe')));
      const tgps = c.readinessProbe.terminationGracePeriodSeconds;
      if (tgps !== undefined) {
        errs.push(
          invalid(
            p.child('readinessProbe', 'terminationGracePeriodSeconds'),
            tgps,
            'must not be set for readinessProbes',
          ),
        );
      }
    }
    if (c.startupProbe) {
      errs.push(...validateProbe(c.startupProbe, p.child('startupProbe')));
      if (c.startupProbe.successThreshold !== 1) {
        errs.push(
          invalid(
            p.child('startupProbe', 'successThreshold'),
            c.startupProbe.successThreshold ?? 0,
            'must be 1',
          ),
        );
      }
    }
    if ((c as { restartPolicy?: string }).restartPolicy !== undefined) {
      errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
    }
  });
  errs.push(...hostPortConflicts(containers, path));
  return errs;
}

function hostPortConflicts(containers: readonly Container[], path: FieldPath): Errors {
  const errs: Errors = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateInitContainers(spec: PodSpec, volumes: Set<string>, path: FieldPath): Errors {
  const errs: Errors = [];
  const names = new Set((spec.containers ?? []).map((c) => c.name));
  (spec.initContainers ?? []).forEach((c, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(c, volumes, p));
    const restartPolicy = (c as { restartPolicy?: string }).restartPolicy;
    if (restartPolicy !== undefined && restartPolicy !== 'Always') {
      errs.push(notSupported(p.child('restartPolicy'), restartPolicy, ['Always']));
    }
    if (names.has(c.name)) errs.push(duplicate(p.child('name'), c.name));
    else if (c.name) names.add(c.name);
    if (restartPolicy === 'Always') {
      if (c.livenessProbe) errs.push(...validateProbe(c.livenessProbe, p.child('livenessProbe')));
      if (c.readinessProbe) errs.push(...validateProbe(c.readinessProbe, p.child('readinessProbe')));
      if (c.startupProbe) errs.push(...validateProbe(c.startupProbe, p.child('startupProbe')));
    } else {
      const msg = 'may not be set for init containers without restartPolicy=Always';
      if (c.lifecycle) errs.push(forbidden(p.child('lifecycle'), msg));
      if (c.livenessProbe) errs.push(forbidden(p.child('livenessProbe'), msg));
      if (c.readinessProbe) errs.push(forbidden(p.child('readinessProbe'), msg));
      if (c.startupProbe) errs.push(forbidden(p.child('startupProbe'), msg));
    }
  });
  return errs;
}

function validateTolerations(spec: PodSpec, path: FieldPath): Errors {
  const errs: Errors = [];
  (spec.tolerations ?? []).forEach((t, i) => {
    const p = path.index(i);
    if (t.key) errs.push(...validateLabelName(t.key, p.child('key')));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(
        invalid(
          p.child('operator'),
          t.operator ?? '',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(
        invalid(
          p.child('effect'),
          t.effect ?? '',
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length > 0) errs.push(invalid(p.child('operator'), t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value)
          errs.push(invalid(p.child('operator'), t.value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(p.child('operator'), t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
      errs.push(notSupported(p.child('effect'), t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}

export function validatePodSpec(spec: PodSpec | undefined, path: FieldPath, opts: PodSpecOptions): Errors {
  const s = spec ?? ({ containers: [] } as unknown as PodSpec);
  const errs: Errors = [];
  if (s.terminationGracePeriodSeconds === undefined)
    errs.push(required(path.child('terminationGracePeriodSeconds')));
  const { names: volumes, errs: volErrs } = validateVolumes(s, path.child('volumes'));
  errs.push(...volErrs);
  errs.push(...validateContainers(s, volumes, path.child('containers')));
  errs.push(...validateInitContainers(s, volumes, path.child('initContainers')));
  if (s.hostNetwork) {
    (s.containers ?? []).forEach((c, ci) => {
      (c.ports ?? []).forEach((port, pi) => {
        const hp = port.hostPort ?? 0;
        if ((opts.resourceIsPod || hp !== 0) && hp !== port.containerPort) {
          errs.push(
            invalid(
              path.child('containers').index(ci).child('ports').index(pi).child('hostPort'),
              hp,
              'must match `containerPort` when `hostNetwork` is true',
            ),
          );
        }
      });
    });
  }
  const rp = s.restartPolicy ?? '';
  if (!rp) errs.push(required(path.child('restartPolicy')));
  else if (!RESTART_POLICIES.includes(rp))
    errs.push(notSupported(path.child('restartPolicy'), rp, RESTART_POLICIES));
  const dns = s.dnsPolicy ?? '';
  if (!dns) errs.push(required(path.child('dnsPolicy')));
  else if (!DNS_POLICIES.includes(dns)) errs.push(notSupported(path.child('dnsPolicy'), dns, DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, path.child('nodeSelector')));
  if (s.serviceAccountName) {
    for (const m of isDNS1123Subdomain(s.serviceAccountName))
      errs.push(invalid(path.child('serviceAccountName'), s.serviceAccountName, m));
  }
  if (s.nodeName)
    for (const m of isDNS1123Subdomain(s.nodeName)) errs.push(invalid(path.child('nodeName'), s.nodeName, m));
  const ads = s.activeDeadlineSeconds;
  if (ads !== undefined && (ads < 1 || ads > 2147483647)) {
    errs.push(invalid(path.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, 2147483647)));
  }
  if (s.hostname)
    for (const m of isDNS1123Label(s.hostname)) errs.push(invalid(path.child('hostname'), s.hostname, m));
  if (s.subdomain)
    for (const m of isDNS1123Label(s.subdomain)) errs.push(invalid(path.child('subdomain'), s.subdomain, m));
  errs.push(...validateTolerations(s, path.child('tolerations')));
  if (s.priorityClassName) {
    for (const m of isDNS1123Subdomain(s.priorityClassName))
      errs.push(invalid(path.child('priorityClassName'), s.priorityClassName, m));
  }
  if (s.preemptionPolicy !== undefined && !['PreemptLowerPriority', 'Never'].includes(s.preemptionPolicy)) {
    errs.push(
      notSupported(path.child('preemptionPolicy'), s.preemptionPolicy, ['PreemptLowerPriority', 'Never']),
    );
  }
  return errs;
}
