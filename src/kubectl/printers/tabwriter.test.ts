import { describe, it } from 'node:test';
import { expect } from 'chai';
import { alignColumns } from './tabwriter.js';

describe('alignColumns (cli-runtime tabwriter: minwidth 6, padding 3)', () => {
  it('pads every cell but the last to the widest cell plus 3, at least 6', () => {
    // Expected lines from printers_test.go TestPrintEndpointSlice (NoHeaders: one row per table).
    expect(alignColumns([['abcslice.123', 'IP', '80', '10.1.2.3,2001:db8::1234:5678', '0s']])).to.equal(
      'abcslice.123   IP    80    10.1.2.3,2001:db8::1234:5678   0s\n',
    );
    expect(
      alignColumns([
        [
          'multiportslice.123',
          'IP',
          '80,443,3000 + 1 more...',
          '10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...',
          '5m',
        ],
      ]),
    ).to.equal(
      'multiportslice.123   IP    80,443,3000 + 1 more...   10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...   5m\n',
    );
  });

  it('aligns a header with its rows', () => {
    expect(
      alignColumns([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        ['nginx', '1/1', 'Running', '0', '10s'],
      ]),
    ).to.equal('NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          10s\n');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(
      alignColumns([
        ['é', 'x'],
        ['abcdefg', 'y'],
      ]),
    ).to.equal('é         x\nabcdefg   y\n');
  });
});
