/**
 * Golden outputs of `kubectl explain`, taken from kubectl v1.33.1 run against an API server that
 * served kubesim's OpenAPI documents (src/kubectl/explain/openapi.ts). The descriptions are the
 * generated schema's (kubernetes-types 1.30): regenerate these if that package is upgraded.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { kubectl } from '../index.js';
import { TestCluster } from '../testing.js';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

describe('kubectl explain', () => {
  const c = new TestCluster();

  it('explains pod.status: header, FIELD, the field and type descriptions, then every field', () => {
    const r = c.run('kubectl explain pod.status');
    expect(r.exitCode).to.equal(0);
    expect(r.stderr).to.equal('');
    expect(r.stdout.split('\n').slice(0, 24).join('\n')).to.equal(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: status <PodStatus>',
        '',
        '',
        'DESCRIPTION:',
        '    Most recently observed status of the pod. This data may not be up to date.',
        '    Populated by the system. Read-only. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
        '    PodStatus represents information about the status of a pod. Status may trail',
        '    the actual state of a system, especially if the node that hosts the pod',
        '    cannot contact the control plane.',
        '    ',
        'FIELDS:',
        '  conditions\t<[]PodCondition>',
        '    Current service state of pod. More info:',
        '    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions',
        '',
        '  containerStatuses\t<[]ContainerStatus>',
        '    The list has one entry per container in the manifest. More info:',
        '    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-and-container-status',
        '',
        '  ephemeralContainerStatuses\t<[]ContainerStatus>',
      ].join('\n'),
    );
    const fieldLines = r.stdout.split('\n').filter((l) => /^ {2}\S+\t</.test(l) || /^ {2}enum: /.test(l));
    expect(fieldLines).to.deep.equal([
      '  conditions\t<[]PodCondition>',
      '  containerStatuses\t<[]ContainerStatus>',
      '  ephemeralContainerStatuses\t<[]ContainerStatus>',
      '  hostIP\t<string>',
      '  hostIPs\t<[]HostIP>',
      '  initContainerStatuses\t<[]ContainerStatus>',
      '  message\t<string>',
      '  nominatedNodeName\t<string>',
      '  phase\t<string>',
      '  enum: Failed, Pending, Running, Succeeded, ....',
      '  podIP\t<string>',
      '  podIPs\t<[]PodIP>',
      '  qosClass\t<string>',
      '  enum: BestEffort, Burstable, Guaranteed',
      '  reason\t<string>',
      '  resize\t<string>',
      '  resourceClaimStatuses\t<[]PodResourceClaimStatus>',
      '  startTime\t<string>',
    ]);
    expect(r.stdout.endsWith('\n\n\n')).to.equal(true);
  });

  it('explains deployment.spec.strategy with its GROUP and enum line', () => {
    expect(c.run('kubectl explain deployment.spec.strategy')).to.deep.equal({
      stdout: lines(
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: strategy <DeploymentStrategy>',
        '',
        '',
        'DESCRIPTION:',
        '    The deployment strategy to use to replace existing pods with new ones.',
        '    DeploymentStrategy describes how to replace existing pods with new ones.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    Rolling update config params. Present only if DeploymentStrategyType =',
        '    RollingUpdate.',
        '',
        '  type\t<string>',
        '  enum: Recreate, RollingUpdate',
        '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        '    RollingUpdate.',
        '',
        '',
      ),
      stderr: '',
      exitCode: 0,
    });
  });

  it('prints nested fields without descriptions with --recursive', () => {
    expect(c.run('kubectl explain deployment.spec.strategy --recursive').stdout).to.equal(
      lines(
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: strategy <DeploymentStrategy>',
        '',
        '',
        'DESCRIPTION:',
        '    The deployment strategy to use to replace existing pods with new ones.',
        '    DeploymentStrategy describes how to replace existing pods with new ones.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    maxSurge\t<IntOrString>',
        '    maxUnavailable\t<IntOrString>',
        '  type\t<string>',
        '  enum: Recreate, RollingUpdate',
        '',
      ),
    );
    expect(c.run('kubectl explain svc.spec.ports --recursive').stdout).to.contain(
      lines(
        'FIELDS:',
        '  appProtocol\t<string>',
        '  name\t<string>',
        '  nodePort\t<integer>',
        '  port\t<integer> -required-',
        '  protocol\t<string>',
        '  enum: SCTP, TCP, UDP',
        '  targetPort\t<IntOrString>',
      ),
    );
  });

  it('lists every enum value under ENUM: for a field with enum values', () => {
    expect(c.run('kubectl explain pod.spec.restartPolicy').stdout).to.equal(
      lines(
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: restartPolicy <string>',
        'ENUM:',
        '    Always',
        '    Never',
        '    OnFailure',
        '',
        'DESCRIPTION:',
        '    Restart policy for all containers within the pod. One of Always, OnFailure,',
        '    Never. In some contexts, only a subset of those values may be permitted.',
        '    Default to Always. More info:',
        '    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
        '    ',
        '',
      ),
    );
  });

  it('walks list fields and prints their item type', () => {
    const r = c.run('kubectl explain pod.spec.containers.livenessProbe.httpGet');
    expect(r.stdout).to.contain(
      lines(
        'FIELD: httpGet <HTTPGetAction>',
        '',
        '',
        'DESCRIPTION:',
        '    HTTPGet specifies the http request to perform.',
        '    HTTPGetAction describes an action based on HTTP Get requests.',
        '    ',
        'FIELDS:',
        '  host\t<string>',
      ),
    );
    expect(r.stdout).to.contain(
      lines(
        '  port\t<IntOrString> -required-',
        '    Name or number of the port to access on the container. Number must be in the',
        '    range 1 to 65535. Name must be an IANA_SVC_NAME.',
        '',
        '  scheme\t<string>',
        '  enum: HTTP, HTTPS',
        '    Scheme to use for connecting to the host. Defaults to HTTP.',
      ),
    );
  });

  it('prints the type names explain prints', () => {
    const metadata = c.run('kubectl explain pod.metadata').stdout;
    expect(metadata).to.contain('  creationTimestamp\t<string>\n');
    expect(metadata).to.contain('  labels\t<map[string]string>\n');
    expect(metadata).to.contain('  managedFields\t<[]ManagedFieldsEntry>\n');
    expect(metadata).to.contain('  generation\t<integer>\n');
    expect(c.run('kubectl explain pod.metadata.managedFields').stdout).to.contain('  fieldsV1\t<FieldsV1>\n');
    expect(c.run('kubectl explain pod.spec').stdout).to.contain('  hostNetwork\t<boolean>\n');
    expect(c.run('kubectl explain pod.spec.containers.resources').stdout).to.contain(
      '  limits\t<map[string]Quantity>\n',
    );
    expect(c.run('kubectl explain pod').stdout).to.contain('  metadata\t<ObjectMeta>\n');
  });

  it('adds the referenced type description under a field of that type', () => {
    expect(c.run('kubectl explain pod.metadata.creationTimestamp').stdout).to.contain(
      lines(
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
        '    Time is a wrapper around time.Time which supports correct marshaling to YAML',
        '    and JSON.  Wrappers are provided for many of the factory methods that the',
        '    time package offers.',
        '    ',
      ),
    );
  });

  it('accepts the resource in any form kubectl does', () => {
    const header = (s: string) => s.split('\n').slice(0, 3).join('\n');
    for (const name of ['pods', 'pod', 'po', 'Pod', 'PODS']) {
      expect(header(c.run(`kubectl explain ${name}`).stdout), name).to.equal(
        'KIND:       Pod\nVERSION:    v1\n',
      );
    }
    for (const name of ['deploy', 'deployment', 'deployments', 'deployments.apps', 'deployments.apps.spec']) {
      expect(header(c.run(`kubectl explain ${name}`).stdout), name).to.equal(
        'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1',
      );
    }
    expect(c.run('kubectl explain svc').stdout).to.match(/^KIND: {7}Service\n/);
    expect(c.run('kubectl explain ep').stdout).to.match(/^KIND: {7}Endpoints\n/);
    expect(c.run('kubectl explain endpointslices').stdout).to.match(
      /^GROUP: {6}discovery.k8s.io\nKIND: {7}EndpointSlice\n/,
    );
    expect(c.run('kubectl explain ns').stdout).to.match(/^KIND: {7}Namespace\n/);
    expect(kubectl(c, ['explain', "pod.spec['containers'].name"]).stdout).to.contain(
      'FIELD: name <string>\n',
    );
    expect(c.run('kubectl explain pod.spec.').stdout).to.contain('FIELD: spec <PodSpec>\n');
  });

  it('takes the group and version from --api-version', () => {
    expect(c.run('kubectl explain deployments --api-version=apps/v1').stdout).to.match(
      /^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}Deployment enables/,
    );
    expect(c.run('kubectl explain pods --api-version=apps/v1')).to.deep.equal({
      stdout: '',
      stderr: 'error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n',
      exitCode: 1,
    });
    expect(c.run('kubectl explain pods --api-version=v2').stderr).to.equal(
      'error: couldn\'t find resource for "/v2, Resource=pods"\n',
    );
    expect(c.run('kubectl explain pods --api-version=a/b/c').stderr).to.equal(
      'error: unexpected GroupVersion string: a/b/c\n',
    );
  });

  it('reports an unknown resource as kubectl does, without the error: prefix', () => {
    expect(c.run('kubectl explain nope')).to.deep.equal({
      stdout: '',
      stderr: 'the server doesn\'t have a resource type "nope"\n',
      exitCode: 1,
    });
    expect(c.run('kubectl explain Foo.spec').stderr).to.equal(
      'the server doesn\'t have a resource type "Foo"\n',
    );
  });

  it('names the last element of a field path that does not exist, after the header', () => {
    expect(c.run('kubectl explain pod.spec.nope')).to.deep.equal({
      stdout: 'KIND:       Pod\nVERSION:    v1\n\n',
      stderr: 'error: field "nope" does not exist\n',
      exitCode: 1,
    });
    expect(c.run('kubectl explain pod.nope.foo').stderr).to.equal('error: field "foo" does not exist\n');
    // `deploy.apps` is not a prefix kubectl recognises: `apps` becomes a field.
    expect(c.run('kubectl explain deploy.apps.spec').stderr).to.equal('error: field "spec" does not exist\n');
  });

  it('rejects bad arguments with kubectl messages', () => {
    expect(c.run('kubectl explain').stderr).to.equal(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect(c.run('kubectl explain pod svc').stderr).to.equal(
      'error: We accept only this format: explain RESOURCE\n',
    );
    expect(c.run('kubectl explain pod --output=foo').stderr).to.equal('error: unrecognized format: foo\n');
    expect(c.run('kubectl explain pod.spec.containers[0]').stderr).to.equal(
      'error: invalid jsonpath syntax, first node must be field node\n',
    );
    expect(c.run('kubectl explain pod.spec[0] --api-version=v1').stderr).to.equal(
      'error: invalid jsonpath syntax, all nodes must be field nodes\n',
    );
    expect(c.run('kubectl explain pod.spec[containers]').stderr).to.equal(
      'error: invalid array index containers\n',
    );
    expect(c.run('kubectl explain pod{').stderr).to.equal(
      "error: unrecognized character in action: U+007B '{'\n",
    );
    expect(c.run('kubectl explain pod}x').stderr).to.equal('error: must pass in 1 jsonpath string\n');
  });
});
