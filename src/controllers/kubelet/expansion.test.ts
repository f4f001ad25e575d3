import { describe, it } from 'node:test';
import { expect } from 'chai';
import { expand, expandCommandAndArgs, expandCommandOnlyStatic, mappingFuncFor } from './expansion.js';

// Ported from third_party/forked/golang/expansion/expand_test.go (doExpansionTest).
const CASES: ReadonlyArray<readonly [name: string, input: string, expected: string]> = [
  ['whole string', '$(VAR_A)', 'A'],
  ['repeat', '$(VAR_A)-$(VAR_A)', 'A-A'],
  ['beginning', '$(VAR_A)-1', 'A-1'],
  ['middle', '___$(VAR_B)___', '___B___'],
  ['end', '___$(VAR_C)', '___C'],
  ['compound', '$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
  ['escape & expand', '$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
  ['compound escape', '$$(VAR_A)_$$(VAR_B)', '$(VAR_A)_$(VAR_B)'],
  ['mixed in escapes', 'f000-$$VAR_A', 'f000-$VAR_A'],
  ['backslash escape ignored', 'foo\\$(VAR_C)bar', 'foo\\Cbar'],
  ['backslash escape ignored (2)', 'foo\\\\$(VAR_C)bar', 'foo\\\\Cbar'],
  ['lots of backslashes', 'foo\\\\\\\\$(VAR_A)bar', 'foo\\\\\\\\Abar'],
  ['nested var references', '$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
  ['nested var references second type', '$(VAR_A$(VAR_B)', '$(VAR_A$(VAR_B)'],
  ['value is a reference', '$(VAR_REF)', '$(VAR_A)'],
  ['value is a reference x 2', '%%$(VAR_REF)--$(VAR_REF)%%', '%%$(VAR_A)--$(VAR_A)%%'],
  ['empty var', 'foo$(VAR_EMPTY)bar', 'foobar'],
  ['unterminated expression', 'foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
  ['expression without operator', 'f00__(VAR_A)__', 'f00__(VAR_A)__'],
  ['shell special vars pass through', '$?_boo_$!', '$?_boo_$!'],
  ['bare operators are ignored', '$VAR_A', '$VAR_A'],
  ['undefined vars are passed through', '$(VAR_DNE)', '$(VAR_DNE)'],
  ['multiple (even) operators, var undefined', '$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
  ['multiple (even) operators, var defined', '$$$$$$(VAR_A)', '$$$(VAR_A)'],
  ['multiple (odd) operators, var undefined', '$$$$$$$(GOOD_ODDS)', '$$$$(GOOD_ODDS)'],
  ['multiple (odd) operators, var defined', '$$$$$$$(VAR_A)', '$$$A'],
  ['missing open expression', '$VAR_A)', '$VAR_A)'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's syntax, which expansion leaves alone
  ['shell syntax ignored', '${VAR_A}', '${VAR_A}'],
  ['trailing incomplete expression not consumed', '$(VAR_B)_______$(A', 'B_______$(A'],
  ['trailing incomplete expression, no content, is not consumed', '$(VAR_C)_______$(', 'C_______$('],
  ['operator at end of input string is preserved', '$(VAR_A)foobarzab$', 'Afoobarzab$'],
  ['shell escaped incomplete expr', 'foo-\\$(VAR_A', 'foo-\\$(VAR_A'],
  ['lots of $( in middle', '--$($($($($--', '--$($($($($--'],
  ['lots of $( in beginning', '$($($($($--foo$(', '$($($($($--foo$('],
  ['lots of $( at end', 'foo0--$($($($(', 'foo0--$($($($('],
  ['escaped operators in variable names are not escaped', '$(foo$$var)', '$(foo$$var)'],
  ['newline not expanded', '\n', '\n'],
];

describe('$(VAR) expansion (expand_test.go)', () => {
  const single = mappingFuncFor(
    new Map([
      ['VAR_A', 'A'],
      ['VAR_B', 'B'],
      ['VAR_C', 'C'],
      ['VAR_REF', '$(VAR_A)'],
      ['VAR_EMPTY', ''],
    ]),
  );
  const dual = mappingFuncFor(
    new Map([
      ['VAR_A', 'A'],
      ['VAR_EMPTY', ''],
    ]),
    new Map([
      ['VAR_B', 'B'],
      ['VAR_C', 'C'],
      ['VAR_REF', '$(VAR_A)'],
    ]),
  );
  for (const [name, input, expected] of CASES) {
    it(`${name}: ${JSON.stringify(input)}`, () => {
      expect(expand(input, single)).to.equal(expected);
      expect(expand(input, dual)).to.equal(expected);
    });
  }

  it('maps references to earlier variables only, without recursion (TestMapReference)', () => {
    const declared = new Map<string, string>();
    const mapping = mappingFuncFor(declared, new Map());
    for (const [name, value] of [
      ['FOO', 'bar'],
      ['ZOO', '$(FOO)-1'],
      ['BLU', '$(ZOO)-2'],
    ] as const) {
      declared.set(name, expand(value, mapping));
    }
    expect(Object.fromEntries(declared)).to.deep.equal({ FOO: 'bar', ZOO: 'bar-1', BLU: 'bar-1-2' });
  });

  it('expands command and args against the final env, leaving empty lists unset', () => {
    const env: Array<[string, string]> = [
      ['MESSAGE', 'hello'],
      ['WEB_SERVICE_HOST', '10.96.0.20'],
    ];
    expect(
      expandCommandAndArgs(['echo', '$(MESSAGE)'], ['$(WEB_SERVICE_HOST)', '$$(MESSAGE)'], env),
    ).to.deep.equal({
      command: ['echo', 'hello'],
      args: ['10.96.0.20', '$(MESSAGE)'],
    });
    expect(expandCommandAndArgs([], undefined, env)).to.deep.equal({});
  });

  it('expands exec probe commands from literal env values only (a valueFrom variable is empty)', () => {
    const env = [{ name: 'FILE', value: '/tmp/healthy' }, { name: 'POD' }];
    expect(expandCommandOnlyStatic(['cat', '$(FILE)', '$(POD)', '$(OTHER)'], env)).to.deep.equal([
      'cat',
      '/tmp/healthy',
      '',
      '$(OTHER)',
    ]);
  });
});
