/**
 * Cases ported from client-go util/jsonpath/jsonpath_test.go (TestStructInput, TestJSONInput,
 * TestKubernetes, TestEmptyRange, TestNestedRanges, slice tests), with kubectl's
 * AllowMissingKeys.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { printJsonPath } from './jsonpath.js';

const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  maps: [
    { name: 'one', value: 1 },
    { name: 'two', value: 2.02 },
    { name: 'three', value: 3.03 },
    { name: 'four', value: 4.04 },
  ],
};

const store = {
  Name: 'jsonpath',
  Book: [
    { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
    { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
    { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
  ],
  Bicycle: [
    { Color: 'red', Price: 19.95, IsNew: true },
    { Color: 'green', Price: 20.01, IsNew: false },
  ],
  Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
  Employees: { jason: 'manager', dan: 'clerk' },
};

const nodes = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: {
        capacity: { cpu: '4' },
        ready: true,
        addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }],
      },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        ready: false,
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};

const cases: Array<[string, string, unknown, string]> = [
  ['boolSlice', '{ .bools }', types, '[true,false,true,false]'],
  ['boolSliceIndex', '{ .bools[-1] }', types, 'false'],
  ['boolSubSliceStep2', '{ .bools[:4:2] }', types, 'true true'],
  ['integerSliceIndexReverse', '{ .integers[-2] }', types, '3'],
  ['integerSubSliceFirst2', '{ .integers[0:2] }', types, '1 2'],
  ['floatSlice', '{ .floats }', types, '[1,2.2,3.3,4]'],
  ['stringSubSliceStep2', '{ .strings[:4:2] }', types, 'one three'],
  ['mapSliceIndex', '{ .maps[0] }', types, '{"name":"one","value":1}'],
  [
    'mapSubSliceStepEven',
    '{ .maps[1::2] }',
    types,
    '{"name":"two","value":2.02} {"name":"four","value":4.04}',
  ],
  ['plain', 'hello jsonpath', null, 'hello jsonpath'],
  ['filter', '{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
  ['quote', '{"{"}', null, '{'],
  ['union', '{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
  ['array', '{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
  ['variable', 'hello {.Name}', store, 'hello jsonpath'],
  ['dict/', '{$.Labels.web/html}', store, '15'],
  ['dict/', '{$.Employees.jason}', store, 'manager'],
  ['dict-', '{.Labels.k8s-app}', store, '20'],
  ['nest', '{.Bicycle[*].Color}', store, 'red green'],
  ['allarray', '{.Book[*].Author}', store, 'Nigel Rees Evelyn Waugh Herman Melville'],
  [
    'lastarray',
    '{.Book[-1:]}',
    store,
    '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}',
  ],
  ['bool', '{.Bicycle[?(@.IsNew==true)]}', store, '{"Color":"red","IsNew":true,"Price":19.95}'],
  ['nonexistent field', '{.hello}', store, ''],
  ['nonexistent field 2', 'before-{.hello}after', store, 'before-after'],
  ['range item', '{range .items[*]}{.metadata.name}, {end}{.kind}', nodes, '127.0.0.1, 127.0.0.2, List'],
  ['range item with quote', '{range .items[*]}{.metadata.name}{"\\t"}{end}', nodes, '127.0.0.1\t127.0.0.2\t'],
  ['range addresss', '{.items[*].status.addresses[*].address}', nodes, '127.0.0.1 127.0.0.2 127.0.0.3'],
  [
    'double range',
    '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}',
    nodes,
    '127.0.0.1, 127.0.0.2, 127.0.0.3, ',
  ],
  ['item name', '{.items[*].metadata.name}', nodes, '127.0.0.1 127.0.0.2'],
  [
    'union nodes capacity',
    "{.items[*]['metadata.name', 'status.capacity']}",
    nodes,
    '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}',
  ],
  [
    'range nodes capacity',
    '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}',
    nodes,
    '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ',
  ],
  ['user password', '{.users[?(@.name=="e2e")].user.password}', nodes, 'secret'],
  ['hostname', '{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodes, '127.0.0.1'],
  [
    'hostname filter',
    '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}',
    nodes,
    'None',
  ],
  ['bool item', '{.items[?(@..ready==true)].metadata.name}', nodes, '127.0.0.1'],
  ['exists filter', '{[?(@.z)].id}', [{ id: 'i1' }, { id: 'i2', z: 1 }, { id: 'i5', z: 1 }], 'i2 i5'],
  ['bracket key', "{[0]['id']}", [{ id: 'i1' }], 'i1'],
  ['empty range', '{range .items[*]}{.metadata.name}{end}', { items: [] }, ''],
];

describe('printJsonPath (client-go jsonpath_test.go)', () => {
  for (const [name, template, data, want] of cases) {
    it(`${name}: ${template}`, () => {
      expect(printJsonPath(template, data)).to.equal(want);
    });
  }

  it('nested ranges with literals', () => {
    const data = {
      items: [
        {
          metadata: { name: 'pod1' },
          spec: { containers: [{ name: 'foo' }, { name: 'bar' }] },
        },
        { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz' }] } },
      ],
    };
    expect(
      printJsonPath(
        '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
        data,
      ),
    ).to.equal('pod1:foo,bar,+pod2:baz,+');
  });

  it('fails on indexes out of bounds and on non-lists, missing keys allowed or not (kubectl v1.33.1)', () => {
    const pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } };
    const cases: Array<[string, string]> = [
      ['{.spec.containers[5]}', 'array index out of bounds: index 5, length 1'],
      ['{.spec.containers[0:5].name}', 'array index out of bounds: index 4, length 1'],
      ['{.spec.containers[0:1:0].name}', 'step must be > 0'],
      ['{.metadata[0]}', 'map[string]interface {} is not array or slice'],
    ];
    for (const [template, message] of cases) expect(() => printJsonPath(template, pod)).to.throw(message);
    expect(() => printJsonPath('{.items[0].metadata.name}', { items: [] })).to.throw(
      'array index out of bounds: index 0, length 0',
    );
    // Zero elements asked for is no error; `[-1]` is the last element of each list.
    expect(printJsonPath('{.spec.containers[1:1].name}', pod)).to.equal('');
    const lists = { items: [{ c: ['a'] }, { c: ['b', 'c'] }] };
    expect(printJsonPath('{.items[*].c[-1]}', lists)).to.equal('a c');
  });

  it('reports a missing key only when missing keys are not allowed', () => {
    const pod = { metadata: { name: 'p' } };
    expect(printJsonPath('{.metadata.nope}', pod)).to.equal('');
    expect(() => printJsonPath('{.metadata.nope}', pod, false)).to.throw('nope is not found');
    expect(printJsonPath('{.metadata.name}', pod, false)).to.equal('p');
  });

  it('rejects what client-go rejects', () => {
    expect(() => printJsonPath('{hello}', store)).to.throw('unrecognized identifier hello');
    expect(() => printJsonPath('{range .Labels.*}{@}{end}{end}', store)).to.throw(
      'not in range, nothing to end',
    );
  });
});
