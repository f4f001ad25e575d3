/**
 * The command lines the oracle runs through both kubectls at each stage. Many name objects whose
 * names the seed decides (pods, ReplicaSets), so the lists are built from the cluster.
 */
import type { KindName } from '../../src/api/types.js';
import type { Cluster } from '../../src/cluster/cluster.js';

/** One command line, as argv without `kubectl`. */
export type Case = readonly string[];

const words = (line: string): Case => line.split(' ');

/** `kubectl get` tables: the rows come from the server; layout, -o wide, -A, labels are kubectl's. */
const TABLES = [
  'get pods',
  'get pods -o wide',
  'get pods --show-labels',
  'get pods -o wide --show-labels',
  'get pods -l app=nginx',
  'get pods -l app=nginx --no-headers',
  'get pods -l job=once,app!=nginx',
  'get pods -l app=nope',
  'get pods -l app=nope -o wide',
  'get pods -A',
  'get pods -A -o wide',
  'get pods -A --no-headers',
  'get pods -A --show-labels',
  'get pods -L app,tier',
  'get pods -A -L app -o wide',
  'get pods --show-kind',
  'get pods --sort-by=.metadata.creationTimestamp',
  'get pods --sort-by=.status.podIP -o wide',
  'get pods -n kube-system',
  'get pods -n nope',
  'get pods --field-selector=status.phase=Running',
  'get pod crasher',
  'get pod crasher too-big',
  'get deploy',
  'get deploy -o wide',
  'get deploy -A',
  'get deployments.apps nginx',
  'get deployment.v1.apps nginx',
  'get rs',
  'get rs -o wide',
  'get rs -A -o wide',
  'get svc',
  'get svc -o wide',
  'get svc -A',
  'get svc -A -o wide --show-labels',
  'get endpoints',
  'get ep -A',
  'get endpointslices',
  'get endpointslices -o wide',
  'get endpointslices -A',
  'get nodes',
  'get nodes -o wide',
  'get nodes --show-labels',
  'get nodes -A',
  'get no -L kubernetes.io/hostname',
  'get ns',
  'get namespaces -o wide',
  'get ns --show-labels',
  'get events',
  'get events -A',
  'get events -o wide',
  'get events --field-selector=type=Warning',
  'get events --sort-by=.lastTimestamp',
  'get events -n team-a',
  'get deploy,rs,po,svc',
  'get deploy,rs,po,svc -o wide',
  'get deploy,rs,po,svc --no-headers',
  'get deploy,rs,po,svc -A',
  'get nodes,ns',
  'get ns,pods -A',
  'get pods,nodes',
  'get svc,ep',
  'get all',
  'get all -A',
  'get all -o wide',
  'get all --show-labels',
  'get all -l app=nginx',
  'get all -n team-a',
  'get all -n kube-public',
  'get all,ep',
];

/** What kubectl prints itself from the objects. */
const GENERIC = [
  'get pods -o name',
  'get all -o name',
  'get all -A -o name',
  'get deploy,svc -o name',
  'get nodes,ns -o name',
  'get pods -l app=nope -o name',
  'get pods -l app=nope -o yaml',
  'get pods -l app=nope -o json',
  'get pod crasher -o yaml',
  'get pod crasher -o name',
  'get pod/crasher pod/too-big -o yaml',
  'get pod liveness-http -o yaml',
  'get pod too-big -o json',
  'get pod sidecars -o yaml',
  'get pod done -o json',
  'get pods -l app=nginx -o yaml',
  'get pods -l app=crasher -o json',
  'get deploy nginx -o yaml',
  'get deploy -o json',
  'get deploy,svc -o yaml',
  'get svc -o yaml',
  'get svc web -o json',
  'get ep web -o yaml',
  'get endpointslices -o yaml',
  'get node node-1 -o yaml',
  'get node node-3 -o json',
  'get ns -o yaml',
  'get events -o yaml',
  'get events -n team-a -o json',
  'get pods -o jsonpath={.items[*].metadata.name}',
  'get deploy nginx -o jsonpath={.spec.template.spec.containers[0].image}',
  'get pod crasher -o jsonpath={.status.containerStatuses[0].state}',
  'get pod crasher -o jsonpath={.status}',
  'get pod crasher -o jsonpath={.metadata.nope}',
  'get pods -o jsonpath={.items[*].spec.containers[*].image}',
  'get svc nginx-nodeport -o jsonpath={.spec.ports[0].nodePort}',
  'get nodes -o jsonpath={.items[*].status.addresses[?(@.type=="InternalIP")].address}',
  'get pods -o=jsonpath={.items[0].metadata.labels}',
  'get pods -o jsonpath={.items[?(@.status.phase=="Pending")].metadata.name}',
  'get deploy nginx -o jsonpath={.metadata.annotations}',
  'get deploy -o jsonpath={..image}',
  'get pod crasher -o jsonpath={.spec.containers[0].command}',
  'get ns default -o jsonpath={.metadata.labels.kubernetes\\.io/metadata\\.name}',
];

const RANGE = 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}';

const ROLLOUT = [
  'rollout history deployment/nginx',
  'rollout history deployment nginx --revision=1',
  'rollout history deployment nginx --revision=2',
  'rollout history deployment nginx --revision=3',
  'rollout history deployment nginx --revision=9',
  'rollout history deployment/broken',
  'rollout history deployment/broken --revision=2',
  'rollout history deploy',
  'rollout history deploy -A',
  'rollout history deploy/api -n team-a',
  'rollout status deployment/nginx --watch=false',
  'rollout status deployment/broken --watch=false',
  'rollout status deploy/api -n team-a --watch=false',
  'rollout status deploy/nope --watch=false',
  'rollout history deployment/nope',
  'rollout status deployment/nginx --watch=false --revision=2',
  'rollout status deployment/nginx --watch=false --revision=9',
];

const ERRORS = [
  'get pod nope',
  'get pod nope -o yaml',
  'get pod nope -o name',
  'get pods nope crasher',
  'get pods nope crasher -o name',
  'get deploy nope',
  'get deployment.apps/nope',
  'get svc nope -n kube-system',
  'get node nope',
  'get ns nope',
  'get pod crasher -n nope',
  'get foo',
  'get pods,foo',
  'get foo/bar',
  'get deploy/nginx pods',
  'get pods --show-labels -o name',
  'get pods -o foo',
  'describe pod nope',
  'describe pods nope',
  'describe foo',
  'describe deploy nope',
  'describe node nope',
  'describe',
  'get',
  'rollout status pod/crasher',
  'rollout history pod/crasher',
];

const namesOf = (cluster: Cluster, kind: KindName, namespace?: string) =>
  cluster.store.list(kind, namespace).map((o) => o.metadata.name);

/** describe of every object of the served kinds, and of whole types. */
function describeCases(cluster: Cluster): Case[] {
  const out: Case[] = [];
  const each = (type: string, kind: KindName, namespaced: boolean) => {
    for (const o of cluster.store.list(kind)) {
      const ns = namespaced ? ['-n', o.metadata.namespace!] : [];
      out.push(['describe', type, o.metadata.name, ...ns]);
    }
  };
  each('pod', 'Pod', true);
  each('deployment', 'Deployment', true);
  each('rs', 'ReplicaSet', true);
  each('svc', 'Service', true);
  each('node', 'Node', false);
  each('ns', 'Namespace', false);
  each('endpoints', 'Endpoints', true);
  out.push(
    ...[
      'describe pods',
      'describe pod nginx',
      'describe deployments',
      'describe rs',
      'describe svc -A',
      'describe nodes',
      'describe ep',
      'describe endpointslices',
      'describe pods -l app=crasher',
      'describe pods -l job=once --show-events=false',
      'describe deploy/nginx svc/web',
      'describe all',
    ].map(words),
  );
  return out;
}

export function casesFor(stage: string, cluster: Cluster): Case[] {
  const rs = namesOf(cluster, 'ReplicaSet', 'default');
  const pods = namesOf(cluster, 'Pod', 'default');
  const extra: Case[] = [
    ['get', 'pods', '-o', RANGE],
    ['get', `rs/${rs[0]}`, '-o', 'yaml'],
    ['get', 'po/crasher', 'deploy/nginx', `rs/${rs[0]}`],
    ['rollout', 'history', `rs/${rs[0]}`],
    ['get', 'pod', pods[0]!, '-o', 'json'],
  ];
  // The first stage runs everything; later ones what their state changes.
  const all = [...TABLES.map(words), ...GENERIC.map(words), ...extra, ...ROLLOUT.map(words)];
  if (stage === 'settled') return [...all, ...describeCases(cluster), ...ERRORS.map(words)];
  return [...all, ...describeCases(cluster)];
}
