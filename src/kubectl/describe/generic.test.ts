import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Event } from '../../api/types.js';
import { TestCluster } from '../testing.js';
import { camelcaseSplit, describeGeneric, smartLabelFor } from './generic.js';

describe('generic describer', () => {
  it('splits camel case and titles fields as smartLabelFor does', () => {
    expect(camelcaseSplit('HTTPServer')).to.deep.equal(['HTTP', 'Server']);
    expect(camelcaseSplit('apiVersion')).to.deep.equal(['api', 'Version']);
    expect(smartLabelFor('apiVersion')).to.equal('API Version');
    expect(smartLabelFor('uid')).to.equal('UID');
    expect(smartLabelFor('involvedObject')).to.equal('Involved Object');
    expect(smartLabelFor('kubernetes.io/hostname')).to.equal('kubernetes.io/hostname');
  });

  it('describes an Event field by field', () => {
    const c = new TestCluster();
    const e = c.create<Event>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1816687ec0570000', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
      reason: 'Pulled',
      message: 'pulled',
      type: 'Normal',
      count: 1,
      source: { component: 'kubelet', host: 'node-1' },
    } as Event);
    const out = describeGeneric(e, { store: c.store, now: c.now, showEvents: true });
    expect(out).to.include('Name:         web.1816687ec0570000\nNamespace:    default\n');
    expect(out).to.include('API Version:  v1\nCount:        1\nInvolved Object:\n  Kind:       Pod\n');
    expect(out).to.include('Metadata:\n  Creation Timestamp:  2025-01-01T00:00:00Z\n');
    expect(out).to.include(
      'Source:\n  Component:  kubelet\n  Host:       node-1\nType:         Normal\nEvents:       <none>\n',
    );
  });
});
