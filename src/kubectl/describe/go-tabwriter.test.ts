import { describe, it } from 'node:test';
import { expect } from 'chai';
import { tabwrite } from './go-tabwriter.js';

/** Inputs and outputs produced by Go 1.19 text/tabwriter with describe.go settings (0, 8, 2, " ", 0). */
const CASES: ReadonlyArray<readonly [string, string]> = [
  [
    'Name:\tbar\nNamespace:\tfoo\nNode:\t<none>\nLabels:\t<none>\nAnnotations:\t<none>\nStatus:\t\nIP:\t\nIPs:\t<none>\nContainers: <none>\nVolumes:\n  image:\n    Type:\tImage (a container image or OCI artifact)\n    Reference:\timage\n    PullPolicy:\tIfNotPresent\nQoS Class:\tBestEffort\nNode-Selectors:\t<none>\nTolerations:\t<none>\nEvents:\t<none>\n',
    'Name:         bar\nNamespace:    foo\nNode:         <none>\nLabels:       <none>\nAnnotations:  <none>\nStatus:       \nIP:           \nIPs:          <none>\nContainers: <none>\nVolumes:\n  image:\n    Type:        Image (a container image or OCI artifact)\n    Reference:   image\n    PullPolicy:  IfNotPresent\nQoS Class:       BestEffort\nNode-Selectors:  <none>\nTolerations:     <none>\nEvents:          <none>\n',
  ],
  [
    'Conditions:\n  Type\tStatus\n  Initialized \tTrue \n  Ready \tFalse \nVolumes:\t<none>\n',
    'Conditions:\n  Type          Status\n  Initialized   True \n  Ready         False \nVolumes:        <none>\n',
  ],
  [
    'Port:\t<unset>\t80/TCP\nTargetPort:\t9376/TCP\nNodePort:\t<unset>\t30001/TCP\nEndpoints:\t<none>\n',
    'Port:        <unset>  80/TCP\nTargetPort:  9376/TCP\nNodePort:    <unset>  30001/TCP\nEndpoints:   <none>\n',
  ],
  [
    '  Namespace\tName\t\tCPU Requests\tCPU Limits\n  ---------\t----\t\t------------\t----------\n  default\tweb-abc\t\t0 (0%)\t0 (0%)\n',
    '  Namespace  Name       CPU Requests  CPU Limits\n  ---------  ----       ------------  ----------\n  default    web-abc    0 (0%)        0 (0%)\n',
  ],
  ['a\tb\tc\nxx\nyyy\tz\n', 'a  b  c\nxx\nyyy  z\n'],
  ['no newline at end\tx', 'no newline at end  x'],
  ['trailing tab\t', 'trailing tab'],
  ['héllo\tw\nab\tw\n', 'héllo  w\nab     w\n'],
  ['\n\n', '\n\n'],
  [
    'Labels:\tapp=web\n\tpod-template-hash=abc\nAnnotations:\t<none>\n',
    'Labels:       app=web\n              pod-template-hash=abc\nAnnotations:  <none>\n',
  ],
];

describe('Go text/tabwriter (describe settings)', () => {
  it('aligns exactly as Go does, column block by column block', () => {
    for (const [input, output] of CASES) expect(tabwrite(input)).to.equal(output);
  });
});
