import { describe, it } from 'node:test';
import { expect } from 'chai';
import { goSprint } from './go-sprint.js';

describe("goSprint (fmt.Sprint of unstructured values, as kubectl's custom columns print them)", () => {
  const cases: Array<[unknown, string]> = [
    ['text', 'text'],
    [true, 'true'],
    [null, '<nil>'],
    [42, '42'],
    [-7, '-7'],
    [0.5, '0.5'],
    [123456.7, '123456.7'],
    // strconv.FormatFloat(f, 'g', -1, 64): %e from an exponent of 6 up, or below -4.
    [1234567.5, '1.2345675e+06'],
    [0.00001, '1e-05'],
    [0.0001, '0.0001'],
    [[], '[]'],
    [['a', 'b'], '[a b]'],
    [{}, 'map[]'],
    [{ ip: '10.244.0.2' }, 'map[ip:10.244.0.2]'],
    [[{ ip: '10.244.0.2' }], '[map[ip:10.244.0.2]]'],
    // Keys sorted bytewise, nested values as %v.
    [{ b: 1, a: { z: [true], y: null } }, 'map[a:map[y:<nil> z:[true]] b:1]'],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} prints as ${expected}`, () => {
      expect(goSprint(value)).to.equal(expected);
    });
  }
});
