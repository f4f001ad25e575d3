/**
 * Traffic (STEPS.md "Services and traffic"): requests to Services, pods, node ports and
 * port-forwards, through the simulated cluster DNS and kube-proxy. A request comes from a pod
 * inside the cluster, or from outside for localhost (a port-forward) and for a node's name or IP
 * (node ports, as STEPS.md says); `from pod "P"` sends from that pod. The assertions read the
 * requests of the last "I send" step.
 */
import { expect } from 'chai';
import type { RequestRecord } from '../src/index.js';
import { defineSteps } from './support/define.js';
import type { ObjectRef } from './support/syntax.js';
import type { KubesimWorld } from './world.js';

function send(world: KubesimWorld, count: number, url: string, from?: ObjectRef): void {
  if (count < 1) throw new Error(`send at least 1 request, not ${count}`);
  world.lastRequests = world.cluster.network.send(url, {
    count,
    ...(from ? { from: { pod: from.name, namespace: from.namespace } } : {}),
  });
  world.cluster.settle();
}

defineSteps(['I send {int} request(s) to {string}'], function (count: number, url: string) {
  send(this, count, url);
});

defineSteps(['I send a request to {string}'], function (url: string) {
  send(this, 1, url);
});

/** From one pod: its node and namespace decide (internalTrafficPolicy Local, short names). */
defineSteps(
  ['I send {int} request(s) to {string} from pod {ref}'],
  function (count: number, url: string, from: ObjectRef) {
    send(this, count, url, from);
  },
);

defineSteps(['I send a request to {string} from pod {ref}'], function (url: string, from: ObjectRef) {
  send(this, 1, url, from);
});

defineSteps(
  ['sending a request to {string} should fail with {string}'],
  function (url: string, text: string) {
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

defineSteps(['all requests should succeed', 'the request(s) should succeed'], function () {
  const requests = sent(this);
  const failed = requests.filter((r) => !r.ok);
  expect(
    failed.length,
    `${failed.length} of ${requests.length} requests failed:\n${describe(failed)}`,
  ).to.equal(0);
});

defineSteps(['{int} request(s) should fail'], function (count: number) {
  const requests = sent(this);
  const failed = requests.filter((r) => !r.ok);
  expect(failed.length, `requests that failed, of ${requests.length}:\n${describe(requests)}`).to.equal(
    count,
  );
});

defineSteps(['the requests should have reached {int} different pod(s)'], function (count: number) {
  const requests = sent(this);
  const pods = new Set(
    requests.filter((r) => r.pod !== undefined && r.status !== undefined).map((r) => r.pod),
  );
  expect(pods.size, `pods reached: ${[...pods].join(', ') || 'none'}\n${describe(requests)}`).to.equal(count);
});

/** The last request of the last "I send" step: the one "the response" means. */
function lastRequest(world: KubesimWorld): RequestRecord {
  const requests = sent(world);
  return requests[requests.length - 1]!;
}

// A bare number is the status (`the response should be 404`); quoted text is the body.
defineSteps(
  [
    'the response status( code) should be {int}',
    'the response should have status {int}',
    'the response should be {int}',
  ],
  function (status: number) {
    const last = lastRequest(this);
    expect(last.status, `the last request:\n${describe([last])}`).to.equal(status);
  },
);

/** The body of the last request's response; a request that got no response fails the step. */
function responseBody(world: KubesimWorld): string {
  const last = lastRequest(world);
  if (last.status === undefined) expect.fail(`the last request got no response:\n${describe([last])}`);
  return last.body ?? '';
}

defineSteps(['the response (body )should be {string}'], function (text: string) {
  expect(responseBody(this), `the body of the response to ${lastRequest(this).url}`).to.equal(text);
});

defineSteps(['the response (body )should contain {string}'], function (text: string) {
  expect(responseBody(this), `the body of the response to ${lastRequest(this).url}`).to.contain(text);
});
