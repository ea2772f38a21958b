// docs/lab-file.schema.json is generated from the zod schema and checked in for editors; it must match.
// UPDATE_SCHEMA=1 npx vitest run src/lab/lab-file rewrites it.

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownFieldsAt, labFileJsonSchema } from '../../../src/lab/lab-file/lab-file-json-schema.js';

const FILE = new URL('../../../docs/lab-file.schema.json', import.meta.url);

describe('lab file JSON Schema', () => {
  it('is checked in as docs/lab-file.schema.json', () => {
    const text = `${JSON.stringify(labFileJsonSchema(), null, 2)}\n`;
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(FILE, text);
    expect(readFileSync(FILE, 'utf8')).toBe(text);
  });

  it('describes the input: strict objects, defaults, one JsonValue definition', () => {
    const s = labFileJsonSchema();
    expect(s['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s['additionalProperties']).toBe(false);
    expect(s['required']).toEqual(['name', 'hosts']);
    expect(Object.keys(s['$defs'] as object)).toEqual(['JsonValue']);
  });

  it('lists the fields of any object', () => {
    expect(knownFieldsAt(['hosts', 0, 'routes', 2])).toEqual(['to', 'via', 'dev', 'metric', 'onlink']);
    expect(knownFieldsAt(['cilium', 'pins', 'k8s-ctr'])).toEqual(['podCIDR', 'ciliumHostIP']);
    expect(knownFieldsAt(['kubernetes', 'addons', 0])).toContain('prometheusNodePort');
    expect(knownFieldsAt(['cilium', 'values'])).toEqual([]);
  });
});
