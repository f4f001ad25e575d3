/**
 * Traffic (STEPS.md "Services and traffic"): requests to Services, pods, node ports and
 * port-forwards, through the simulated cluster DNS and kube-proxy. A request comes from a pod
 * inside the cluster, or from outside for localhost (a port-forward); node IPs and node ports
 * answer either way. The assertions read the requests of the last "I send" step.
 */
import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { RequestRecord } from '../src/index.js';
import type { KubesimWorld } from './world.js';

When('I send {int} request(s) to {string}', function (this: KubesimWorld, count: number, url: string) {
  if (count < 1) throw new Error(`send at least 1 request, not ${count}`);
  this.lastRequests = this.cluster.network.send(url, { count });
  this.cluster.settle();
});

Then(
  'sending a request to {string} should fail with {string}',
  function (this: KubesimWorld, url: string, text: string) {
    let message: string | undefined;
    try {
      const [record] = this.cluster.network.send(url, { count: 1 });
      this.cluster.settle();
      if (record && !record.ok) message = [record.message, record.detail].filter(Boolean).join(': ');
    } catch (e) {
      message = (e as Error).message;
    }
    if (message === undefined)
      expect.fail(`the request to "${url}" succeeded; expected it to fail with "${text}"`);
    expect(message, 'the error').to.include(text);
  },
);

function sent(world: KubesimWorld): readonly RequestRecord[] {
  if (!world.lastRequests) throw new Error('no request was sent yet: use "I send N requests to "URL"" first');
  return world.lastRequests;
}

/** One line per request, for failure messages. */
function describe(requests: readonly RequestRecord[]): string {
  return requests
    .map((r) => {
      const outcome =
        r.status !== undefined ? `HTTP ${r.status}` : `${r.error}: ${r.message ?? r.detail ?? ''}`;
      const target = r.pod ? ` -> pod ${r.pod}${r.podReady === false ? ' (not ready)' : ''}` : '';
      return `  #${r.seq} ${r.url}${target}: ${outcome}${r.detail && r.status !== undefined ? ` (${r.detail})` : ''}`;
    })
    .join('\n');
}

Then('all requests should succeed', function (this: KubesimWorld) {
  const requests = sent(this);
  const failed = requests.filter((r) => !r.ok);
  expect(
    failed.length,
    `${failed.length} of ${requests.length} requests failed:\n${describe(failed)}`,
  ).to.equal(0);
});

Then('{int} request(s) should fail', function (this: KubesimWorld, count: number) {
  const requests = sent(this);
  const failed = requests.filter((r) => !r.ok);
  expect(failed.length, `requests that failed, of ${requests.length}:\n${describe(requests)}`).to.equal(
    count,
  );
});

Then('the requests should have reached {int} different pod(s)', function (this: KubesimWorld, count: number) {
  const requests = sent(this);
  const pods = new Set(
    requests.filter((r) => r.pod !== undefined && r.status !== undefined).map((r) => r.pod),
  );
  expect(pods.size, `pods reached: ${[...pods].join(', ') || 'none'}\n${describe(requests)}`).to.equal(count);
});

Then('the response status should be {int}', function (this: KubesimWorld, status: number) {
  const requests = sent(this);
  const last = requests[requests.length - 1]!;
  expect(last.status, `the last request:\n${describe([last])}`).to.equal(status);
});
