import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, Event, KubeObject, Pod, ReplicaSet, Service } from '../../api/types.js';
import { timestampOf } from '../../store/time.js';
import { goJsonIndent } from '../printers/go-json.js';
import { toGoYaml } from '../printers/go-yaml.js';
import { TestCluster } from '../testing.js';

const S = 1000;

function runningPod(
  c: TestCluster,
  name: string,
  opts: {
    ns?: string;
    ready?: boolean;
    restarts?: number;
    ip?: string;
    node?: string;
    labels?: Record<string, string>;
  } = {},
): Pod {
  const p = c.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.ns ?? 'default', labels: opts.labels ?? { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }], nodeName: opts.node ?? 'node-1' },
  });
  return c.store.updateStatus<Pod>({
    ...p,
    status: {
      phase: 'Running',
      podIP: opts.ip ?? '10.244.0.5',
      podIPs: [{ ip: opts.ip ?? '10.244.0.5' }],
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
      containerStatuses: [
        {
          name: 'nginx',
          image: 'nginx:1.25',
          imageID: '',
          ready: opts.ready !== false,
          restartCount: opts.restarts ?? 0,
          state: { running: { startedAt: p.metadata.creationTimestamp } },
          ...(opts.restarts
            ? { lastState: { terminated: { exitCode: 1, finishedAt: timestampOf(c.now - 5 * S) } } }
            : {}),
        },
      ],
    },
  });
}

function deployment(c: TestCluster, name: string, replicas: number, ready: number): Deployment {
  const d = c.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
      },
    },
  });
  return c.store.updateStatus<Deployment>({
    ...d,
    status: { replicas, readyReplicas: ready, updatedReplicas: replicas, availableReplicas: ready },
  });
}

function replicaSet(c: TestCluster, name: string, replicas: number, ready: number): ReplicaSet {
  const rs = c.create<ReplicaSet>({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
      },
    },
  });
  return c.store.updateStatus<ReplicaSet>({ ...rs, status: { replicas, readyReplicas: ready } });
}

function service(c: TestCluster, name: string, spec: Service['spec']): Service {
  return c.create<Service>({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
}

/** A deployment with its replica set and two pods, created at 0 s, looked at 65 s later. */
function webCluster(): TestCluster {
  const c = new TestCluster();
  deployment(c, 'web', 2, 2);
  replicaSet(c, 'web-5d4f8b9c7', 2, 2);
  runningPod(c, 'web-5d4f8b9c7-abcde', { ip: '10.244.0.5', node: 'node-1' });
  runningPod(c, 'web-5d4f8b9c7-fghij', { ip: '10.244.1.3', node: 'node-2' });
  service(c, 'web', {
    type: 'ClusterIP',
    clusterIP: '10.96.12.34',
    ports: [{ port: 80, protocol: 'TCP' }],
    selector: { app: 'web' },
  });
  c.at(65 * S);
  return c;
}

describe('kubectl get: tables', () => {
  it('prints pods as printPod does, aligned by the tabwriter', () => {
    const c = webCluster();
    const r = c.run('kubectl get pods');
    expect(r.exitCode).to.equal(0);
    expect(r.stderr).to.equal('');
    expect(r.stdout).to.equal(
      [
        'NAME                  READY   STATUS    RESTARTS   AGE',
        'web-5d4f8b9c7-abcde   1/1     Running   0          65s',
        'web-5d4f8b9c7-fghij   1/1     Running   0          65s',
        '',
      ].join('\n'),
    );
  });

  it('adds IP NODE NOMINATED NODE READINESS GATES with -o wide', () => {
    const c = webCluster();
    expect(c.run('get po -o wide').stdout).to.equal(
      [
        'NAME                  READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
        'web-5d4f8b9c7-abcde   1/1     Running   0          65s   10.244.0.5   node-1   <none>           <none>',
        'web-5d4f8b9c7-fghij   1/1     Running   0          65s   10.244.1.3   node-2   <none>           <none>',
        '',
      ].join('\n'),
    );
  });

  it('shows restarts with how long ago the last one was', () => {
    const c = new TestCluster();
    c.at(100 * S);
    runningPod(c, 'crashy', { restarts: 3, ready: false });
    c.at(110 * S);
    expect(c.run('get pod crashy').stdout).to.equal(
      'NAME     READY   STATUS    RESTARTS      AGE\ncrashy   0/1     Running   3 (15s ago)   10s\n',
    );
  });

  it('prints deployments, replica sets and services', () => {
    const c = webCluster();
    expect(c.run('get deployments').stdout).to.equal(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           65s\n',
    );
    expect(c.run('get deploy -o wide').stdout).to.equal(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\nweb    2/2     2            2           65s   nginx        nginx:1.25   app=web\n',
    );
    expect(c.run('get rs').stdout).to.equal(
      'NAME            DESIRED   CURRENT   READY   AGE\nweb-5d4f8b9c7   2         2         2       65s\n',
    );
    expect(c.run('get svc').stdout).to.equal(
      'NAME   TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE\nweb    ClusterIP   10.96.12.34   <none>        80/TCP    65s\n',
    );
    expect(c.run('get services -o wide').stdout).to.equal(
      'NAME   TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE   SELECTOR\nweb    ClusterIP   10.96.12.34   <none>        80/TCP    65s   app=web\n',
    );
  });

  it('shows every load balancer ingress without -o wide, as the API server prints wide tables', () => {
    const c = new TestCluster();
    const svc = c.create<Service>({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'lb', namespace: 'default' },
      spec: { type: 'LoadBalancer', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30080 }] },
    });
    c.store.updateStatus<Service>({
      ...svc,
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }, { ip: '203.0.113.11' }] } },
    });
    // printService cuts the list to 16 characters only when not wide; the server is always wide.
    expect(c.run('get svc lb').stdout).to.equal(
      'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP                 PORT(S)        AGE\n' +
        'lb     LoadBalancer   10.96.0.50   203.0.113.10,203.0.113.11   80:30080/TCP   0s\n',
    );
  });

  it('groups `get all` by type, with kind/name names and a blank line between tables', () => {
    const c = webCluster();
    expect(c.run('get all').stdout).to.equal(
      [
        'NAME                      READY   STATUS    RESTARTS   AGE',
        'pod/web-5d4f8b9c7-abcde   1/1     Running   0          65s',
        'pod/web-5d4f8b9c7-fghij   1/1     Running   0          65s',
        '',
        'NAME          TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE',
        'service/web   ClusterIP   10.96.12.34   <none>        80/TCP    65s',
        '',
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/2     2            2           65s',
        '',
        'NAME                            DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/web-5d4f8b9c7   2         2         2       65s',
        '',
      ].join('\n'),
    );
  });

  it('leaves out tables with no rows in `get all`, and still prefixes kinds', () => {
    const c = new TestCluster();
    service(c, 'kubernetes', {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      ports: [{ port: 443, protocol: 'TCP' }],
    });
    expect(c.run('get all').stdout).to.equal(
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s\n',
    );
  });

  it('puts NAMESPACE first with -A', () => {
    const c = webCluster();
    runningPod(c, 'coredns-1', { ns: 'kube-system', labels: { k8s: 'dns' } });
    expect(c.run('get pods -A').stdout).to.equal(
      [
        'NAMESPACE     NAME                  READY   STATUS    RESTARTS   AGE',
        'default       web-5d4f8b9c7-abcde   1/1     Running   0          65s',
        'default       web-5d4f8b9c7-fghij   1/1     Running   0          65s',
        'kube-system   coredns-1             1/1     Running   0          0s',
        '',
      ].join('\n'),
    );
  });

  it('filters with -l, adds LABELS with --show-labels, drops headers with --no-headers', () => {
    const c = webCluster();
    runningPod(c, 'other', { labels: { app: 'db', tier: 'back' } });
    expect(c.run('get pods -l app=db --show-labels').stdout).to.equal(
      'NAME    READY   STATUS    RESTARTS   AGE   LABELS\nother   1/1     Running   0          0s    app=db,tier=back\n',
    );
    expect(c.run('get pods --selector=tier --no-headers').stdout).to.equal(
      'other   1/1   Running   0     0s\n',
    );
    expect(c.run('get pods -L tier -l app=db').stdout).to.equal(
      'NAME    READY   STATUS    RESTARTS   AGE   TIER\nother   1/1     Running   0          0s    back\n',
    );
  });

  it('sorts with --sort-by', () => {
    const c = new TestCluster();
    runningPod(c, 'b', { ip: '10.244.0.9' });
    runningPod(c, 'a', { ip: '10.244.0.10' });
    // Bytewise since kubectl v1.31: 10.244.0.10 before 10.244.0.9 (checked against kubectl v1.33.1).
    expect(c.run('get pods --sort-by=.status.podIP -o name').stdout).to.equal('pod/a\npod/b\n');
    expect(c.run('get pods --sort-by={.metadata.name} --no-headers').stdout).to.equal(
      'a     1/1   Running   0     0s\nb     1/1   Running   0     0s\n',
    );
    // A field no pod has: kubectl drops the table's printing error and finds nothing printed.
    expect(c.run('get pods --sort-by=.metadata.nope')).to.deep.equal({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    // Two named objects are two tables, and a table has no .metadata.name.
    expect(c.run('get pods a b --sort-by=.metadata.name')).to.deep.equal({
      stdout: '',
      stderr: `error: couldn't find any field with path "{.metadata.name}" in the list of objects\n`,
      exitCode: 1,
    });
  });

  it('prints nodes and namespaces', () => {
    const c = new TestCluster();
    c.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-1', labels: { 'node-role.kubernetes.io/control-plane': '' } },
      status: {
        conditions: [{ type: 'Ready', status: 'True' }],
        nodeInfo: { kubeletVersion: 'v1.33.0' },
        addresses: [{ type: 'InternalIP', address: '172.18.0.2' }],
      },
    } as KubeObject);
    c.at(3 * 3600 * S);
    expect(c.run('get nodes').stdout).to.equal(
      'NAME     STATUS   ROLES           AGE   VERSION\nnode-1   Ready    control-plane   3h    v1.33.0\n',
    );
    expect(c.run('get no -o wide').stdout).to.equal(
      'NAME     STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE    KERNEL-VERSION   CONTAINER-RUNTIME\nnode-1   Ready    control-plane   3h    v1.33.0   172.18.0.2    <none>        <unknown>   <unknown>        <unknown>\n',
    );
    c.store.updateStatus({ ...c.store.get('Namespace', undefined, 'default')!, status: { phase: 'Active' } });
    expect(c.run('get namespace default').stdout).to.equal('NAME      STATUS   AGE\ndefault   Active   3h\n');
  });

  it('prints events as they are listed, with LAST SEEN TYPE REASON OBJECT MESSAGE', () => {
    const c = new TestCluster();
    c.at(10 * S);
    c.create<Event>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-abc.181' },
      involvedObject: { kind: 'Pod', name: 'web-abc', namespace: 'default' },
      reason: 'Scheduled',
      message: 'Successfully assigned default/web-abc to node-1',
      type: 'Normal',
      source: { component: 'default-scheduler' },
      firstTimestamp: timestampOf(10 * S),
      lastTimestamp: timestampOf(10 * S),
      count: 1,
    });
    c.at(70 * S);
    expect(c.run('get events').stdout).to.equal(
      'LAST SEEN   TYPE     REASON      OBJECT        MESSAGE\n60s         Normal   Scheduled   pod/web-abc   Successfully assigned default/web-abc to node-1\n',
    );
  });

  it('prints endpoints with the v1.33 deprecation warning on stderr', () => {
    const c = new TestCluster();
    c.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web' },
      subsets: [
        { addresses: [{ ip: '10.244.0.5' }, { ip: '10.244.1.3' }], ports: [{ port: 80, protocol: 'TCP' }] },
      ],
    } as KubeObject);
    const r = c.run('get endpoints');
    expect(r.stderr).to.equal(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
    expect(r.stdout).to.equal(
      'NAME   ENDPOINTS                     AGE\nweb    10.244.0.5:80,10.244.1.3:80   0s\n',
    );
  });

  it('prints several named objects in one table, and kind/name arguments as separate tables', () => {
    const c = webCluster();
    expect(c.run('get pods web-5d4f8b9c7-abcde web-5d4f8b9c7-fghij --no-headers').stdout).to.equal(
      'web-5d4f8b9c7-abcde   1/1   Running   0     65s\nweb-5d4f8b9c7-fghij   1/1   Running   0     65s\n',
    );
    expect(c.run('get deploy/web svc/web').stdout).to.equal(
      [
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/2     2            2           65s',
        '',
        'NAME          TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE',
        'service/web   ClusterIP   10.96.12.34   <none>        80/TCP    65s',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl get: nothing found and errors', () => {
  it('says No resources found on stderr', () => {
    const c = new TestCluster();
    expect(c.run('get pods')).to.deep.equal({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(c.run('get pods -n kube-system').stderr).to.equal(
      'No resources found in kube-system namespace.\n',
    );
    expect(c.run('get pods -A').stderr).to.equal('No resources found\n');
    expect(c.run('get nodes').stderr).to.equal('No resources found\n');
  });

  it('reports a missing object as the API server does, after printing the ones it found', () => {
    const c = webCluster();
    expect(c.run('get pod nope')).to.deep.equal({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    const r = c.run('get deploy web nope other');
    expect(r.stdout).to.equal(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           65s\n',
    );
    expect(r.stderr).to.equal(
      'Error from server (NotFound): deployments.apps "nope" not found\nError from server (NotFound): deployments.apps "other" not found\n',
    );
    expect(r.exitCode).to.equal(1);
    expect(c.run('get pod nope --ignore-not-found')).to.deep.equal({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('names a missing namespace instead of the object, except for default (kubectl v1.33.1)', () => {
    const c = webCluster();
    const missingNamespace = 'Error from server (NotFound): namespaces "nope" not found\n';
    expect(c.run('get pod web -n nope').stderr).to.equal(missingNamespace);
    expect(c.run('describe pod web -n nope').stderr).to.equal(missingNamespace);
    expect(c.run('get pod nope -n kube-system').stderr).to.equal(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    // Listing in a namespace that does not exist finds nothing, as the API server answers.
    expect(c.run('get pods -n nope').stderr).to.equal('No resources found in nope namespace.\n');
  });

  it('rejects unknown types, flags and commands as kubectl does', () => {
    const c = new TestCluster();
    expect(c.run('get foo').stderr).to.equal('error: the server doesn\'t have a resource type "foo"\n');
    expect(c.run('get pods --foo')).to.deep.equal({
      stdout: '',
      stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
      exitCode: 1,
    });
    expect(c.run('get pods -x').stderr).to.equal(
      "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n",
    );
    expect(c.run('gett pods').stderr).to.equal(
      'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n',
    );
    expect(c.run('frobnicate').stderr).to.equal('error: unknown command "frobnicate" for "kubectl"\n');
    expect(c.run('ps').stderr).to.equal(
      'error: unknown command "ps" for "kubectl"\n\nDid you mean this?\n\tcp\n\tget\n',
    );
  });

  it('explains what a resource argument is missing', () => {
    const c = new TestCluster();
    expect(c.run('get')).to.deep.equal({
      stdout: '',
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
      exitCode: 1,
    });
    expect(c.run('get pods x -l app=web').stderr).to.equal(
      'error: name cannot be provided when a selector is specified\n',
    );
    expect(c.run('get pod x -A').stderr).to.equal(
      'error: a resource cannot be retrieved by name across all namespaces\n',
    );
    // normalizeMultipleResourcesArgs: `pod,svc x` means `pod/x svc/x` (kubectl v1.33.1).
    expect(c.run('get pod,svc x').stderr).to.equal(
      'Error from server (NotFound): pods "x" not found\nError from server (NotFound): services "x" not found\n',
    );
    expect(c.run('get pod,svc/x').stderr).to.equal(
      'error: arguments in resource/name form must have a single resource and name\n',
    );
  });

  it('fails each list the API server cannot select, in cli-runtime words (kubectl v1.33.1)', () => {
    const c = webCluster();
    expect(c.run('get pods,svc --field-selector=foo')).to.deep.equal({
      stdout: '',
      stderr:
        'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo": invalid selector: \'foo\'; can\'t understand \'foo\'\n' +
        'Error from server (BadRequest): Unable to find "/v1, Resource=services" that match label selector "", field selector "foo": invalid selector: \'foo\'; can\'t understand \'foo\'\n',
      exitCode: 1,
    });
    expect(c.run('describe deploy -l app=web,').stderr).to.match(
      /^Error from server \(BadRequest\): Unable to find "apps\/v1, Resource=deployments" that match label selector "app=web,", field selector "": /,
    );
  });

  it('rejects --watch clearly', () => {
    const r = new TestCluster().run('get pods -w');
    expect(r.exitCode).to.equal(1);
    expect(r.stderr).to.match(/^error: kubesim does not simulate --watch/);
  });
});

describe('kubectl get: -o name, jsonpath, yaml, json', () => {
  it('-o name', () => {
    const c = webCluster();
    expect(c.run('get deploy,svc -o name').stdout).to.equal('deployment.apps/web\nservice/web\n');
  });

  it('-o jsonpath on a list and on one object', () => {
    const c = webCluster();
    expect(c.run('get pods -o jsonpath={.items[*].metadata.name}').stdout).to.equal(
      'web-5d4f8b9c7-abcde web-5d4f8b9c7-fghij',
    );
    expect(c.run("get pod web-5d4f8b9c7-abcde -o jsonpath='{.status.phase}'").stdout).to.equal('Running');
    expect(
      c.run(`get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'`)
        .stdout,
    ).to.equal('web-5d4f8b9c7-abcde\t10.244.0.5\nweb-5d4f8b9c7-fghij\t10.244.1.3\n');
  });

  it('-o yaml prints one object for one name, a List otherwise', () => {
    const c = new TestCluster();
    service(c, 'db', {
      type: 'ClusterIP',
      clusterIP: '10.96.0.20',
      ports: [{ port: 5432, protocol: 'TCP' }],
    });
    const uid = c.store.get('Service', 'default', 'db')!.metadata.uid;
    const stored = c.store.get('Service', 'default', 'db')!;
    expect(c.run('get svc db -o yaml').stdout).to.equal(toGoYaml(stored));
    expect(c.run('get svc db -o yaml').stdout).to.match(
      new RegExp(
        `^apiVersion: v1\\nkind: Service\\nmetadata:\\n  creationTimestamp: "2025-01-01T00:00:00Z"\\n  name: db\\n  namespace: default\\n  resourceVersion: "3"\\n  uid: ${uid}\\nspec:\\n`,
      ),
    );
    expect(c.run('get svc db -o json').stdout).to.equal(`${goJsonIndent(stored)}\n`);
    expect(c.run('get svc -o yaml').stdout).to.match(
      /^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Service\n/,
    );
    expect(c.run('get svc -o yaml').stdout).to.match(/\nkind: List\nmetadata:\n {2}resourceVersion: ""\n$/);
    expect(c.run('get pods -o json').stdout).to.equal(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });

  it('explains a jsonpath that fails on the object as kubectl v1.33.1 does', () => {
    const c = new TestCluster();
    c.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', labels: { app: 'web' } },
      spec: { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }] }] },
    });
    // The real kubectl's stderr for the same object, served by scripts/oracle.
    const want =
      'error: error executing jsonpath "{.spec.containers[1]}": Error executing template: array index out of bounds: index 1, length 1. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.spec.containers[1]}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "kind":"Pod", "metadata":map[string]interface {}{"creationTimestamp":"2025-01-01T00:00:00Z", "labels":map[string]interface {}{"app":"web"}, "name":"p", "namespace":"default", "resourceVersion":"3", "uid":"a4de5bd6-141e-4a7e-8de0-a1055225841c"}, "spec":map[string]interface {}{"containers":[]interface {}{map[string]interface {}{"image":"x", "imagePullPolicy":"Always", "name":"c", "ports":[]interface {}{map[string]interface {}{"containerPort":80, "protocol":"TCP"}}, "terminationMessagePath":"/dev/termination-log", "terminationMessagePolicy":"File"}}, "dnsPolicy":"ClusterFirst", "enableServiceLinks":true, "preemptionPolicy":"PreemptLowerPriority", "priority":0, "restartPolicy":"Always", "schedulerName":"default-scheduler", "securityContext":map[string]interface {}{}, "serviceAccount":"default", "serviceAccountName":"default", "terminationGracePeriodSeconds":30, "tolerations":[]interface {}{map[string]interface {}{"effect":"NoExecute", "key":"node.kubernetes.io/not-ready", "operator":"Exists", "tolerationSeconds":300}, map[string]interface {}{"effect":"NoExecute", "key":"node.kubernetes.io/unreachable", "operator":"Exists", "tolerationSeconds":300}}}, "status":map[string]interface {}{"phase":"Pending", "qosClass":"BestEffort"}}\n\n\n';
    expect(c.run('get pod p -o jsonpath={.spec.containers[1]}')).to.deep.equal({
      stdout: '',
      stderr: want,
      exitCode: 1,
    });
  });

  it('rejects --show-labels with -o yaml and unknown formats', () => {
    const c = new TestCluster();
    expect(c.run('get pods -o yaml --show-labels').stderr).to.equal(
      'error: --show-labels option cannot be used with yaml printer\n',
    );
    expect(c.run('get pods -o foo').stderr).to.equal(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });
});

describe('kubectl get: -o custom-columns (outputs of kubectl v1.33)', () => {
  function cluster(): TestCluster {
    const c = new TestCluster();
    runningPod(c, 'web-1', { ip: '10.244.0.5', labels: { app: 'web' } });
    runningPod(c, 'web-2', { ip: '10.244.1.7', labels: { app: 'web', tier: 'fe' } });
    return c;
  }

  it('prints a header and a row per object, <none> for what is missing', () => {
    expect(
      cluster().run('get pods -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,X:.nope').stdout,
    ).to.equal('NAME    STATUS    X\nweb-1   Running   <none>\nweb-2   Running   <none>\n');
  });

  it('prints lists and maps as Go does (the docs example)', () => {
    expect(cluster().run('get pods -l app=web -o custom-columns=POD_IP:.status.podIPs').stdout).to.equal(
      'POD_IP\n[map[ip:10.244.0.5]]\n[map[ip:10.244.1.7]]\n',
    );
    expect(cluster().run('get pod web-2 -o custom-columns=L:.metadata.labels --no-headers').stdout).to.equal(
      'map[app:web tier:fe]\n',
    );
  });

  it('prints the header alone for no objects, and says nothing on stderr', () => {
    const r = cluster().run('get pods -l app=nope -o custom-columns=NAME:.metadata.name');
    expect([r.stdout, r.stderr]).to.deep.equal(['NAME\n', '']);
  });

  it('sorts with --sort-by', () => {
    expect(
      cluster().run('get pods -o custom-columns=NAME:.metadata.name --sort-by=.status.podIP --no-headers')
        .stdout,
    ).to.equal('web-1\nweb-2\n');
  });

  it('reports spec errors after fetching, and path errors after the header', () => {
    const c = cluster();
    expect(c.run('get pods -o custom-columns=').stderr).to.equal(
      'error: custom-columns format specified but no custom columns given\n',
    );
    expect(c.run('get pods -o custom-columns=NAME').stderr).to.equal(
      'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n',
    );
    expect(c.run('get pod nope -o custom-columns=').stderr).to.equal(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(c.run('get pods -o custom-columns=X:.spec.containers[5].name')).to.deep.equal({
      stdout: 'X\n',
      stderr: 'error: array index out of bounds: index 5, length 1\n',
      exitCode: 1,
    });
    expect(c.run('get pods --show-labels -o custom-columns=NAME:.metadata.name').stderr).to.equal(
      'error: --show-labels option cannot be used with custom-columns=NAME:.metadata.name printer\n',
    );
  });

  it('reads -o custom-columns-file, whose header --no-headers does not remove', () => {
    const c = cluster();
    const resolvePath = (p: string) => (p === 'cols.txt' ? '/dev/stdin-never' : p);
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-cc-'));
    const file = join(dir, 'cols.txt');
    writeFileSync(file, 'NAME          IP\nmetadata.name {.status.podIP}\n');
    try {
      expect(c.run(`get pods -o custom-columns-file=${file} --no-headers`).stdout).to.equal(
        'NAME    IP\nweb-1   10.244.0.5\nweb-2   10.244.1.7\n',
      );
      expect(
        c.run('get pods -o custom-columns-file=cols.txt', { resolvePath: () => file }).stdout,
      ).to.contain('web-2');
      expect(c.run('get pods -o custom-columns-file=nope.txt', { resolvePath }).stderr).to.equal(
        'error: error reading template nope.txt, open nope.txt: no such file or directory\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kubectl get: selectors with names and files (builder.go, kubectl v1.33)', () => {
  it('refuses a name with a field selector as with a label selector', () => {
    const c = new TestCluster();
    runningPod(c, 'web-1');
    expect(c.run('get pods web-1 --field-selector=status.phase=Running').stderr).to.equal(
      'error: name cannot be provided when a selector is specified\n',
    );
    expect(c.run('get pods/web-1 --field-selector=status.phase=Running').stderr).to.equal(
      'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
    );
    // A blank selector is no selector.
    expect(c.run('get pods web-1 -l " " -o name').stdout).to.equal('pod/web-1\n');
  });

  it('filters the objects files name by the labels of the live objects', () => {
    const c = new TestCluster();
    runningPod(c, 'web-1', { labels: { app: 'web' } });
    runningPod(c, 'job-1', { labels: { job: 'once' } });
    const manifest = (name: string, labels = '') =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${labels}spec:\n  containers:\n  - name: c\n    image: busybox\n`;
    // The file's labels do not count: kubectl filters what it fetched.
    const stdin = [manifest('web-1', '  labels:\n    app: nope\n'), manifest('job-1')].join('---\n');
    expect(c.run('get -f - -l app=web -o name', { stdin }).stdout).to.equal('pod/web-1\n');
    expect(c.run('get -f - -l app=nope -o name', { stdin }).stdout).to.equal('');
    expect(c.run('get -f - -l app=web,', { stdin }).stderr).to.equal(
      "error: the provided selector \"app=web,\" is not valid: found '', expected: identifier after ','\n",
    );
    // Tables come from the server as Table objects, which have no labels: nothing matches app=web.
    const table = c.run('get -f - -l app=web', { stdin });
    expect([table.stdout, table.stderr]).to.deep.equal(['', 'No resources found in default namespace.\n']);
    expect(c.run('get -f - -l !app', { stdin }).stdout).to.contain('web-1');
    // A missing object is an error whatever the selector.
    const missing = `${stdin}---\n${manifest('gone', '  labels:\n    app: web\n')}`;
    expect(c.run('get -f - -l job=once -o name', { stdin: missing })).to.deep.equal({
      stdout: 'pod/job-1\n',
      stderr: 'Error from server (NotFound): pods "gone" not found\n',
      exitCode: 1,
    });
  });

  it('prints the one object left of a single file as an object, not a List', () => {
    const c = new TestCluster();
    runningPod(c, 'web-1', { labels: { app: 'web' } });
    runningPod(c, 'job-1', { labels: { job: 'once' } });
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-get-'));
    const file = join(dir, 'pods.yaml');
    writeFileSync(
      file,
      ['web-1', 'job-1']
        .map(
          (n) =>
            `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${n}\nspec:\n  containers:\n  - name: c\n    image: x\n`,
        )
        .join('---\n'),
    );
    try {
      expect(c.run(`get -f ${file} -l job=once -o jsonpath={.kind}`).stdout).to.equal('Pod');
      expect(c.run(`get -f ${file} -l app=nope -o jsonpath={.kind}`).stdout).to.equal('List');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
