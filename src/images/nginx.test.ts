import { describe, it } from 'node:test';
import { expect } from 'chai';
import { nginxBindFailure, nginxStartupOutput, nginxVersion } from './nginx.js';

describe('the nginx image', () => {
  it('runs the last patch release of a tag, and the channels’ versions', () => {
    const table: ReadonlyArray<[string | undefined, string]> = [
      ['1.25', '1.25.5'],
      ['1.14.2', '1.14.2'],
      ['1.27-alpine', '1.27.5'],
      ['stable', '1.28.0'],
      ['latest', '1.29.1'],
      ['alpine', '1.29.1'],
      [undefined, '1.29.1'],
    ];
    for (const [tag, version] of table) expect(nginxVersion(tag), String(tag)).to.equal(version);
  });

  it('prints the entrypoint’s lines on stdout, then nginx’s notices on stderr (1.21 and later)', () => {
    const out = nginxStartupOutput('1.25.5', false);
    const text = (i: number) => {
      const t = out[i]!.text;
      return typeof t === 'string' ? t : t(5000);
    };
    expect(text(0)).to.equal(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
    expect(out[0]!.stream).to.equal('stdout');
    const notice = out.findIndex((l) => l.stream === 'stderr');
    expect(text(notice)).to.equal('2025/01/01 00:00:05 [notice] 1#1: using the "epoll" event method');
    expect(text(notice + 1)).to.equal('2025/01/01 00:00:05 [notice] 1#1: nginx/1.25.5');
    expect(nginxStartupOutput('1.14.2', false)).to.deep.equal([]);
    expect(nginxStartupOutput('1.19.10', false).every((l) => l.stream === 'stdout')).to.equal(true);
  });

  it('retries bind() five times 500 ms apart when the port is taken, then exits 1', () => {
    const failure = nginxBindFailure(80, 0, false);
    expect(failure.afterMs).to.equal(2500);
    expect(failure.code).to.equal(1);
    expect(failure.lines[0]!.text).to.equal(
      '2025/01/01 00:00:00 [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)',
    );
    expect(failure.lines.at(-1)!.text).to.equal('nginx: [emerg] still could not bind()');
    expect(failure.lines.filter((l) => l.text.includes('try again to bind() after 500ms'))).to.have.length(5);
    expect(nginxBindFailure(80, 0, true).lines[0]!.text).to.include('(98: Address in use)');
  });
});
