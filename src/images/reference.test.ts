import { describe, it } from 'node:test';
import { expect } from 'chai';
import { defaultPullPolicy, InvalidImageNameError, parseImageReference } from './reference.js';

const DIGEST = 'sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582';

describe('parseImageReference', () => {
  // Ported from pkg/util/parsers/parsers_test.go TestParseImageName.
  const valid: Array<[string, string, string | undefined, string | undefined]> = [
    ['root', 'docker.io/library/root', 'latest', undefined],
    ['root:tag', 'docker.io/library/root', 'tag', undefined],
    [`root@${DIGEST}`, 'docker.io/library/root', undefined, DIGEST],
    ['user/repo', 'docker.io/user/repo', 'latest', undefined],
    ['user/repo:tag', 'docker.io/user/repo', 'tag', undefined],
    [`user/repo@${DIGEST}`, 'docker.io/user/repo', undefined, DIGEST],
    ['url:5000/repo', 'url:5000/repo', 'latest', undefined],
    ['url:5000/repo:tag', 'url:5000/repo', 'tag', undefined],
    [`url:5000/repo@${DIGEST}`, 'url:5000/repo', undefined, DIGEST],
    [`url:5000/repo:latest@${DIGEST}`, 'url:5000/repo', 'latest', DIGEST],
    // distribution/reference normalize_test.go
    ['index.docker.io/library/nginx', 'docker.io/library/nginx', 'latest', undefined],
    ['localhost/app', 'localhost/app', 'latest', undefined],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause', '3.10', undefined],
    [
      'registry.k8s.io/e2e-test-images/agnhost:2.40',
      'registry.k8s.io/e2e-test-images/agnhost',
      '2.40',
      undefined,
    ],
  ];
  for (const [input, repository, tag, digest] of valid) {
    it(`parses ${input}`, () => {
      const ref = parseImageReference(input);
      expect([ref.repository, ref.tag, ref.digest]).to.deep.equal([repository, tag, digest]);
    });
  }

  it('gives containerd’s fully qualified name', () => {
    expect(parseImageReference('nginx:1.25').normalized).to.equal('docker.io/library/nginx:1.25');
    expect(parseImageReference('nginx').normalized).to.equal('docker.io/library/nginx:latest');
  });

  const invalid: Array<[string, string]> = [
    ['ROOT', 'invalid reference format: repository name (library/ROOT) must be lowercase'],
    ['Nginx:1.25', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['http://root', 'invalid reference format'],
    ['root:tag:tag', 'invalid reference format'],
    ['root:', 'invalid reference format'],
    ['nginx 1.25', 'invalid reference format'],
    [
      'e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582',
      'invalid repository name (e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582), cannot specify 64-byte hexadecimal strings',
    ],
  ];
  for (const [input, detail] of invalid) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      expect(() => parseImageReference(input)).to.throw(
        InvalidImageNameError,
        `couldn't parse image name ${JSON.stringify(input)}: ${detail}`,
      );
    });
  }

  it('defaults the pull policy as SetDefaults_Container does', () => {
    expect(defaultPullPolicy('nginx')).to.equal('Always');
    expect(defaultPullPolicy('nginx:latest')).to.equal('Always');
    expect(defaultPullPolicy('nginx:1.25')).to.equal('IfNotPresent');
    expect(defaultPullPolicy(`nginx@${DIGEST}`)).to.equal('IfNotPresent');
  });
});
