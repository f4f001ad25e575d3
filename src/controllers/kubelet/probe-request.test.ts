import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  canonicalMIMEHeaderKey,
  formatURL,
  newProbeRequest,
  newRequestForHTTPGetAction,
  resolveLocation,
  v1HeaderToHTTPHeader,
  wireHeaders,
} from './probe-request.js';

describe('the httpGet probe request (pkg/probe/http/request.go)', () => {
  // request_test.go TestFormatURL
  for (const [scheme, host, port, path, result] of [
    ['http', 'localhost', 93, '', 'http://localhost:93'],
    ['https', 'localhost', 93, '/path', 'https://localhost:93/path'],
    ['http', 'localhost', 93, '?foo', 'http://localhost:93?foo'],
    ['https', 'localhost', 93, '/path?bar', 'https://localhost:93/path?bar'],
    // kubesim rows: a path without its slash, an IPv6 pod IP
    ['http', '10.244.0.5', 8080, 'healthz', 'http://10.244.0.5:8080/healthz'],
    ['http', 'fd00::5', 8080, '/healthz', 'http://[fd00::5]:8080/healthz'],
  ] as const) {
    it(`formats ${scheme} ${host} ${port} ${JSON.stringify(path)} as ${result}`, () => {
      expect(formatURL(scheme, host, port, path).text).to.equal(result);
    });
  }

  it('sends the path and query, "/" for an empty path', () => {
    expect(formatURL('http', 'localhost', 93, '').requestURI).to.equal('/');
    expect(formatURL('http', 'localhost', 93, '?foo').requestURI).to.equal('/?foo');
    expect(formatURL('http', 'localhost', 93, '/healthz?x=1').requestURI).to.equal('/healthz?x=1');
  });

  // request_test.go Test_v1HeaderToHTTPHeader
  const headerRows: Array<[string, Array<{ name: string; value: string }>, Record<string, string[]>]> = [
    [
      'not empty input',
      [
        { name: 'Connection', value: 'Keep-Alive' },
        { name: 'Content-Type', value: 'text/html' },
        { name: 'Accept-Ranges', value: 'bytes' },
      ],
      { Connection: ['Keep-Alive'], 'Content-Type': ['text/html'], 'Accept-Ranges': ['bytes'] },
    ],
    [
      'case insensitive',
      [
        { name: 'HOST', value: 'example.com' },
        { name: 'FOO-bAR', value: 'value' },
      ],
      { Host: ['example.com'], 'Foo-Bar': ['value'] },
    ],
    ['empty input', [], {}],
  ];
  for (const [name, list, want] of headerRows) {
    it(`turns httpHeaders into an http.Header: ${name}`, () => {
      expect(Object.fromEntries(v1HeaderToHTTPHeader(list))).to.deep.equal(want);
    });
  }

  it('canonicalizes header names as textproto does, leaving names with other bytes alone', () => {
    expect(canonicalMIMEHeaderKey('custom-header')).to.equal('Custom-Header');
    expect(canonicalMIMEHeaderKey('x-B3-traceid')).to.equal('X-B3-Traceid');
    expect(canonicalMIMEHeaderKey('bad header')).to.equal('bad header');
  });

  it('adds User-Agent kube-probe/1.33 and Accept */*, keeps the probe’s own, drops an empty Accept', () => {
    const url = formatURL('http', '10.244.0.5', 8080, '/healthz');
    const plain = newProbeRequest(url, new Map());
    expect(Object.fromEntries(plain.header)).to.deep.equal({
      'User-Agent': ['kube-probe/1.33'],
      Accept: ['*/*'],
    });
    const own = newProbeRequest(url, v1HeaderToHTTPHeader([{ name: 'user-agent', value: 'foo/1.0' }]));
    expect(own.header.get('User-Agent')).to.deep.equal(['foo/1.0']);
    const empty = newProbeRequest(url, v1HeaderToHTTPHeader([{ name: 'Accept', value: '' }]));
    expect(empty.header.has('Accept')).to.equal(false);
  });

  it('builds the docs’ custom-header probe: what goes over the wire', () => {
    const request = newRequestForHTTPGetAction(
      {
        path: '/healthz',
        port: 8080,
        scheme: 'HTTP',
        httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }],
      },
      '10.244.0.5',
      8080,
    );
    expect(request.url.text).to.equal('http://10.244.0.5:8080/healthz');
    expect(wireHeaders(request.url, request.hostHeader, request.header)).to.deep.equal([
      ['Host', '10.244.0.5:8080'],
      ['User-Agent', 'kube-probe/1.33'],
      ['Connection', 'close'],
      ['Accept', '*/*'],
      ['Custom-Header', 'Awesome'],
    ]);
  });

  it('sends the probe’s Host header as the Host, and no User-Agent when it is set empty', () => {
    const request = newRequestForHTTPGetAction(
      {
        path: '/',
        port: 80,
        httpHeaders: [
          { name: 'Host', value: 'shop.example.com' },
          { name: 'User-Agent', value: '' },
        ],
      },
      '10.244.0.5',
      80,
    );
    expect(wireHeaders(request.url, request.hostHeader, request.header)).to.deep.equal([
      ['Host', 'shop.example.com'],
      ['Connection', 'close'],
      ['Accept', '*/*'],
    ]);
  });

  it('uses https for scheme HTTPS and the host field when it is set', () => {
    const request = newRequestForHTTPGetAction(
      { path: '/healthz', port: 8443, scheme: 'HTTPS', host: '10.244.1.7' },
      '10.244.0.5',
      8443,
    );
    expect(request.url).to.include({
      scheme: 'https',
      hostname: '10.244.1.7',
      text: 'https://10.244.1.7:8443/healthz',
    });
  });

  // URL.ResolveReference as Go's Client applies it to a Location
  const base = formatURL('http', '10.244.0.5', 8080, '/app/healthz?x=1');
  for (const [location, text, hostname, port] of [
    ['/new', 'http://10.244.0.5:8080/new', '10.244.0.5', 8080],
    ['ready', 'http://10.244.0.5:8080/app/ready', '10.244.0.5', 8080],
    ['../up', 'http://10.244.0.5:8080/up', '10.244.0.5', 8080],
    ['?y=2', 'http://10.244.0.5:8080/app/healthz?y=2', '10.244.0.5', 8080],
    ['http://10.244.0.5:9090/x', 'http://10.244.0.5:9090/x', '10.244.0.5', 9090],
    ['https://example.com/login', 'https://example.com/login', 'example.com', 443],
    ['//example.com/a', 'http://example.com/a', 'example.com', 80],
    ['/new#frag', 'http://10.244.0.5:8080/new', '10.244.0.5', 8080],
  ] as const) {
    it(`resolves the Location ${location} to ${text}`, () => {
      expect(resolveLocation(base, location)).to.include({ text, hostname, port });
    });
  }
});
