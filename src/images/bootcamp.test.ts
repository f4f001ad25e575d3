import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ImageBehaviour } from './behaviour.js';
import { ImageCatalog } from './catalog.js';
import { httpAnswer } from './http-answer.js';
import { parseImageReference } from './reference.js';

function pull(image: string): ImageBehaviour | string {
  const pulled = new ImageCatalog().pull(parseImageReference(image));
  return pulled.ok ? pulled.image.behaviour({ name: 'c' }) : pulled.message;
}

describe('the kubernetes-bootcamp images', () => {
  it('exist only under their published tags', () => {
    const table: ReadonlyArray<[string, boolean]> = [
      ['gcr.io/google-samples/kubernetes-bootcamp:v1', true],
      ['gcr.io/google-samples/kubernetes-bootcamp:v2', false],
      ['gcr.io/google-samples/kubernetes-bootcamp:v10', false],
      ['docker.io/jocatalin/kubernetes-bootcamp:v1', true],
      ['jocatalin/kubernetes-bootcamp:v2', true],
      ['jocatalin/kubernetes-bootcamp:v10', false],
    ];
    for (const [image, exists] of table) expect(typeof pull(image) !== 'string', image).to.equal(exists);
    expect(pull('gcr.io/google-samples/kubernetes-bootcamp:v10')).to.match(/not found$/);
  });

  it('answers every path on 8080 with the hostname and its version', () => {
    const v1 = pull('gcr.io/google-samples/kubernetes-bootcamp:v1') as ImageBehaviour;
    const v2 = pull('jocatalin/kubernetes-bootcamp:v2') as ImageBehaviour;
    expect(v1.listen).to.deep.equal([8080]);
    expect(httpAnswer(v1, 8080, '/', undefined, 0, 'kubernetes-bootcamp-1')).to.include({
      status: 200,
      body: 'Hello Kubernetes bootcamp! | Running on: kubernetes-bootcamp-1 | v=1\n',
    });
    expect(httpAnswer(v2, 8080, '/x/y', undefined, 0, 'web-2')).to.include({
      body: 'Hello Kubernetes bootcamp! | Running on: web-2 | v=2\n',
    });
  });

  it('logs its start with the time and the hostname, then an empty line', () => {
    const v1 = pull('gcr.io/google-samples/kubernetes-bootcamp:v1') as ImageBehaviour;
    const [first, second] = v1.output!;
    const text = first!.text as (at: number, hostname?: string) => string;
    expect(text(5250, 'kubernetes-bootcamp-1')).to.equal(
      'Kubernetes Bootcamp App Started At: 2025-01-01T00:00:05.250Z | Running On:  kubernetes-bootcamp-1 ',
    );
    expect(second!.text).to.equal('');
  });
});
