/**
 * The Volumes section (describe.go describeVolumes and its print*VolumeSource helpers), for the
 * volume sources pods use in practice. Each source prints a `Type:` line and its fields at level 2;
 * values follow Go's `%v` (`false`, `0`, empty strings, `[a b]` for lists, `<nil>` for unset
 * pointers). Sources describe.go knows but kubesim does not detail print their Type line only.
 */
import { Quantity } from '../../core/quantity.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer.js';

type Source = Record<string, unknown>;
type Field = readonly [label: string, value: (s: Source) => unknown];

/** Go's %v for the scalar and list fields volume sources have. */
function goV(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  return String(v);
}

const f =
  (key: string, fallback: unknown = ''): Field[1] =>
  (s) =>
    s[key] ?? fallback;

/** Sources that print a fixed list of fields after their Type line. */
const SIMPLE: ReadonlyArray<readonly [key: string, type: string, fields: readonly Field[]]> = [
  [
    'gcePersistentDisk',
    'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)',
    [
      ['PDName', f('pdName')],
      ['FSType', f('fsType')],
      ['Partition', f('partition', 0)],
      ['ReadOnly', f('readOnly', false)],
    ],
  ],
  [
    'awsElasticBlockStore',
    'AWSElasticBlockStore (a Persistent Disk resource in AWS)',
    [
      ['VolumeID', f('volumeID')],
      ['FSType', f('fsType')],
      ['Partition', f('partition', 0)],
      ['ReadOnly', f('readOnly', false)],
    ],
  ],
  [
    'gitRepo',
    'GitRepo (a volume that is pulled from git when the pod is created)',
    [
      ['Repository', f('repository')],
      ['Revision', f('revision')],
    ],
  ],
  [
    'nfs',
    'NFS (an NFS mount that lasts the lifetime of a pod)',
    [
      ['Server', f('server')],
      ['Path', f('path')],
      ['ReadOnly', f('readOnly', false)],
    ],
  ],
  [
    'persistentVolumeClaim',
    'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
    [
      ['ClaimName', f('claimName')],
      ['ReadOnly', f('readOnly', false)],
    ],
  ],
  [
    'glusterfs',
    "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)",
    [
      ['EndpointsName', f('endpoints')],
      ['Path', f('path')],
      ['ReadOnly', f('readOnly', false)],
    ],
  ],
  ['portworxVolume', 'PortworxVolume (a Portworx Volume resource)', [['VolumeID', f('volumeID')]]],
  [
    'vsphereVolume',
    'vSphereVolume (a Persistent Disk resource in vSphere)',
    [
      ['VolumePath', f('volumePath')],
      ['FSType', f('fsType')],
      ['StoragePolicyName', f('storagePolicyName')],
    ],
  ],
  [
    'photonPersistentDisk',
    'PhotonPersistentDisk (a Persistent Disk resource in photon platform)',
    [
      ['PdID', f('pdID')],
      ['FSType', f('fsType')],
    ],
  ],
  [
    'azureFile',
    'AzureFile (an Azure File Service mount on the host and bind mount to the pod)',
    [
      ['SecretName', f('secretName')],
      ['ShareName', f('shareName')],
      ['ReadOnly', f('readOnly', false)],
    ],
  ],
  [
    'flocker',
    'Flocker (a Flocker volume mounted by the Flocker agent)',
    [
      ['DatasetName', f('datasetName')],
      ['DatasetUUID', f('datasetUUID')],
    ],
  ],
  [
    'image',
    'Image (a container image or OCI artifact)',
    [
      ['Reference', f('reference')],
      ['PullPolicy', f('pullPolicy')],
    ],
  ],
];

/** Sources kubesim only names (their detail needs Go's struct printing): the Type line alone. */
const TYPE_ONLY: ReadonlyArray<readonly [key: string, type: string]> = [
  [
    'iscsi',
    "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)",
  ],
  ['rbd', "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)"],
  ['quobyte', "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)"],
  ['azureDisk', 'AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)'],
  ['cinder', 'Cinder (a Persistent Disk resource in OpenStack)'],
  ['scaleIO', 'ScaleIO (a persistent volume backed by a block device in ScaleIO)'],
  ['cephfs', "CephFS (a CephFS mount on the host that shares a pod's lifetime)"],
  ['storageos', 'StorageOS (a StorageOS Persistent Disk resource)'],
  ['fc', 'FC (a Fibre Channel disk)'],
  [
    'flexVolume',
    'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)',
  ],
  [
    'ephemeral',
    'EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)',
  ],
];

function writeFields(w: PrefixWriter, type: string, fields: ReadonlyArray<readonly [string, unknown]>): void {
  let text = `Type:\t${type}\n`;
  for (const [label, value] of fields) text += `    ${label}:\t${goV(value)}\n`;
  w.write(LEVEL_2, text);
}

export function describeVolumes(
  volumes: ReadonlyArray<Record<string, unknown>> | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    const nameIndent = space.length > 0 ? ' ' : '';
    w.write(LEVEL_1, `${nameIndent}${volume.name}:\n`);
    describeVolumeSource(volume, w);
  }
}

function describeVolumeSource(v: Record<string, unknown>, w: PrefixWriter): void {
  const src = (key: string) => v[key] as Source | undefined;
  if (src('hostPath')) {
    const s = src('hostPath')!;
    writeFields(w, 'HostPath (bare host directory volume)', [
      ['Path', s.path],
      ['HostPathType', s.type === undefined ? '<none>' : s.type],
    ]);
  } else if (src('emptyDir')) {
    const s = src('emptyDir')!;
    const limit = s.sizeLimit === undefined ? undefined : Quantity.parse(String(s.sizeLimit));
    writeFields(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
      ['Medium', s.medium ?? ''],
      ['SizeLimit', limit && limit.compare(Quantity.fromValue(0)) > 0 ? limit.toString() : '<unset>'],
    ]);
  } else if (src('secret')) {
    const s = src('secret')!;
    writeFields(w, 'Secret (a volume populated by a Secret)', [
      ['SecretName', s.secretName ?? ''],
      ['Optional', s.optional === true],
    ]);
  } else if (src('configMap')) {
    const s = src('configMap')!;
    writeFields(w, 'ConfigMap (a volume populated by a ConfigMap)', [
      ['Name', s.name ?? ''],
      ['Optional', s.optional === true],
    ]);
  } else if (src('downwardAPI')) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of (src('downwardAPI')!.items ?? []) as Source[]) {
      const fieldRef = item.fieldRef as Source | undefined;
      const resourceRef = item.resourceFieldRef as Source | undefined;
      if (fieldRef) w.write(LEVEL_3, `${fieldRef.fieldPath} -> ${item.path}\n`);
      if (resourceRef) w.write(LEVEL_3, `${resourceRef.resource} -> ${item.path}\n`);
    }
  } else if (src('projected')) {
    printProjected(src('projected')!, w);
  } else if (src('csi')) {
    const s = src('csi')!;
    writeFields(w, 'CSI (a Container Storage Interface (CSI) volume source)', [
      ['Driver', s.driver ?? ''],
      ['FSType', s.fsType ?? ''],
      ['ReadOnly', s.readOnly === true],
    ]);
    printCSIAttributes(w, (s.volumeAttributes ?? {}) as Record<string, string>);
  } else {
    const simple = SIMPLE.find(([key]) => src(key));
    if (simple) {
      const s = src(simple[0])!;
      writeFields(
        w,
        simple[1],
        simple[2].map(([label, get]) => [label, get(s)] as const),
      );
      return;
    }
    const typeOnly = TYPE_ONLY.find(([key]) => src(key));
    if (typeOnly) w.write(LEVEL_2, `Type:\t${typeOnly[1]}\n`);
    else w.write(LEVEL_1, '<unknown>\n');
  }
}

function printProjected(p: Source, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of (p.sources ?? []) as Source[]) {
    const secret = source.secret as Source | undefined;
    const configMap = source.configMap as Source | undefined;
    const token = source.serviceAccountToken as Source | undefined;
    if (secret) {
      w.write(LEVEL_2, `SecretName:\t${secret.name ?? ''}\n    Optional:\t${secret.optional === true}\n`);
    } else if (source.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (configMap) {
      w.write(
        LEVEL_2,
        `ConfigMapName:\t${configMap.name ?? ''}\n    Optional:\t${configMap.optional === true}\n`,
      );
    } else if (token) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${token.expirationSeconds ?? 0}\n`);
    }
  }
}

/** printCSIPersistentVolumeAttributesMultiline, at level 2. */
function printCSIAttributes(w: PrefixWriter, attributes: Record<string, string>): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = Object.keys(attributes).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${attributes[key]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}
