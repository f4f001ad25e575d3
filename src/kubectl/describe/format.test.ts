import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Toleration } from '../../api/types.js';
import {
  formatLabels,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  printTolerationsMultiline,
  taintString,
} from './format.js';
import { PrefixWriter, tabbedString } from './writer.js';

describe('describe formatting helpers', () => {
  it('prints tolerations as TestDescribePodTolerations expects', () => {
    const tolerations: Toleration[] = [
      { operator: 'Exists' },
      { effect: 'NoSchedule', operator: 'Exists' },
      { key: 'key0', operator: 'Exists' },
      { key: 'key1', value: 'value1' },
      { key: 'key2', operator: 'Equal', value: 'value2', effect: 'NoSchedule' },
      { key: 'key3', value: 'value3', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'key4', effect: 'NoExecute', tolerationSeconds: 60 },
    ];
    const out = tabbedString((w) => printTolerationsMultiline(w, 'Tolerations', tolerations));
    for (const want of [
      '  op=Exists\n',
      ':NoSchedule op=Exists\n',
      'key0 op=Exists\n',
      'key1=value1\n',
      'key2=value2:NoSchedule\n',
      'key3=value3:NoExecute for 300s\n',
      'key4:NoExecute for 60s\n',
      'Tolerations:',
    ]) {
      expect(out).to.include(want);
    }
    expect(out).to.equal(
      'Tolerations:  op=Exists\n' +
        '              :NoSchedule op=Exists\n' +
        '              key0 op=Exists\n' +
        '              key1=value1\n' +
        '              key2=value2:NoSchedule\n' +
        '              key3=value3:NoExecute for 300s\n' +
        '              key4:NoExecute for 60s\n',
    );
    expect(
      tabbedString((w) =>
        printTolerationsMultiline(w, 'Tolerations', [
          {
            key: 'node.kubernetes.io/not-ready',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 300,
          },
        ]),
      ),
    ).to.equal('Tolerations:  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n');
  });

  it('prints taints sorted by effect then key, in Taint.ToString form', () => {
    expect(taintString({ key: 'k', value: 'v', effect: 'NoSchedule' })).to.equal('k=v:NoSchedule');
    expect(taintString({ key: 'k', effect: 'NoSchedule' })).to.equal('k:NoSchedule');
    expect(taintString({ key: 'k', value: 'v', effect: '' })).to.equal('k=v:');
    const out = tabbedString((w) =>
      printTaintsMultiline(w, 'Taints', [
        { key: 'b', effect: 'NoSchedule' },
        { key: 'a', effect: 'NoSchedule' },
        { key: 'z', effect: 'NoExecute' },
      ]),
    );
    expect(out).to.equal('Taints:  z:NoExecute\n         a:NoSchedule\n         b:NoSchedule\n');
    expect(tabbedString((w) => printTaintsMultiline(w, 'Taints', []))).to.equal('Taints:  <none>\n');
  });

  it('prints labels sorted, one per line, and <none> when empty', () => {
    expect(tabbedString((w) => printLabelsMultiline(w, 'Labels', { b: '2', a: '1' }))).to.equal(
      'Labels:  a=1\n         b=2\n',
    );
    expect(tabbedString((w) => printLabelsMultiline(w, 'Labels', {}))).to.equal('Labels:  <none>\n');
    expect(formatLabels({ tier: 'web', app: 'x' })).to.equal('app=x,tier=web');
    expect(formatLabels(undefined)).to.equal('<none>');
  });

  it('prints annotations, skipping last-applied-configuration and folding long or multi-line values', () => {
    const long = 'x'.repeat(150);
    const out = tabbedString((w) =>
      printAnnotationsMultiline(w, 'Annotations', {
        'kubectl.kubernetes.io/last-applied-configuration': '{"a":1}\n',
        short: 'v',
        long,
        multi: 'line1\nline2\n',
      }),
    );
    expect(out).to.equal(
      'Annotations:  long:\n' +
        `                ${'x'.repeat(138)}...\n` +
        '              multi:\n' +
        '                line1\n' +
        '                line2\n' +
        '              short: v\n',
    );
    expect(
      tabbedString((w) =>
        printAnnotationsMultiline(w, 'Annotations', {
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
        }),
      ),
    ).to.equal('Annotations:  <none>\n');
  });

  it('measures annotations in UTF-8 bytes, as len does in Go', () => {
    // 70 two-byte characters: 73 UTF-16 units with the key, but 143 bytes, over the 140 limit.
    const w = new PrefixWriter();
    printAnnotationsMultiline(w, 'Annotations', { k: 'é'.repeat(70) });
    expect(w.text).to.equal(`Annotations:\tk:\n\t  ${'é'.repeat(69)}...\n`);
  });
});
