// equalIgnoreHash: pod templates compare equal once the pod-template-hash label is dropped from both,
// a label map holding only that label counting as none; any other difference makes them unequal.

import { describe, expect, it } from 'vitest';
import type { PodTemplateSpec } from '../objects/pod.js';
import { equalIgnoreHash, HASH_LABEL } from './deployment-util.js';

const spec = { containers: [{ name: 'c', image: 'i' }] };
const t = (labels: Record<string, string> | undefined, extra: Record<string, unknown> = {}): PodTemplateSpec =>
  ({ metadata: labels === undefined ? { ...extra } : { labels, ...extra }, spec }) as PodTemplateSpec;

describe('equalIgnoreHash', () => {
  it('ignores the hash label', () => {
    expect(equalIgnoreHash(t({ app: 'a', [HASH_LABEL]: 'x' }), t({ app: 'a' }))).toBe(true);
    expect(equalIgnoreHash(t({ [HASH_LABEL]: 'x' }), t(undefined))).toBe(true);
    expect(equalIgnoreHash(t({ [HASH_LABEL]: 'x' }), t({}))).toBe(true);
  });

  it('sees every other difference', () => {
    expect(equalIgnoreHash(t({ app: 'a' }), t({ app: 'b' }))).toBe(false);
    expect(equalIgnoreHash(t({ app: 'a' }), t(undefined))).toBe(false);
    expect(equalIgnoreHash(t({ app: 'a' }, { annotations: { k: 'v' } }), t({ app: 'a' }))).toBe(false);
    expect(equalIgnoreHash(t({ app: 'a' }), { metadata: { labels: { app: 'a' } }, spec: { containers: [] } } as PodTemplateSpec)).toBe(false);
    expect(equalIgnoreHash(t({ app: 'a' }), { spec } as PodTemplateSpec)).toBe(false);
  });
});
