// Layer lab (lab file): `workloads:`: Kubernetes manifests applied at t=0, as `kubectl apply -f` would
// take them: either YAML text (documents separated by ---) or a list of objects. Only the envelope
// (apiVersion, kind, metadata.name) is checked here; src/k8s validates the objects themselves.

import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { jsonValue } from './cilium-schema.js';
import type { JsonValue, Manifest } from './lab-spec.js';

type Ctx = z.core.$RefinementCtx;

function isMap(v: unknown): v is { readonly [k: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the envelope of one manifest; pushes an issue at `path` (relative to workloads) and returns undefined if bad. */
function envelope(doc: unknown, ctx: Ctx, path: (string | number)[], label: string, textOffset?: number): Manifest | undefined {
  const issue = (message: string, sub: (string | number)[] = []) => {
    ctx.issues.push({ code: 'custom', input: doc, path: [...path, ...sub], message, params: { code: 'manifest', ...(textOffset === undefined ? {} : { textOffset }) } });
    return undefined;
  };
  const prefix = label === '' ? '' : `${label}: `;
  if (!isMap(doc)) return issue(`${prefix}not a Kubernetes object (a mapping with apiVersion, kind and metadata)`);
  const missing = ['apiVersion', 'kind'].filter((k) => typeof doc[k] !== 'string' || doc[k] === '');
  const metadata = doc['metadata'];
  const name = isMap(metadata) ? metadata['name'] : undefined;
  if (missing.length > 0) return issue(`${prefix}error validating data: ${missing.map((k) => `${k} not set`).join(', ')}`);
  if (typeof name !== 'string' || name === '') return issue(`${prefix}${String(doc['kind'])} without metadata.name; kubectl says: resource name may not be empty`);
  return doc as Manifest;
}

export const workloadsSchema = z
  .union([z.string(), z.array(jsonValue)], { error: () => 'expected manifests as YAML text (workloads: |) or a list of objects' })
  .transform((v, ctx): readonly Manifest[] => {
    const out: Manifest[] = [];
    if (typeof v !== 'string') {
      v.forEach((doc, i) => {
        const m = envelope(doc, ctx, [i], '');
        if (m) out.push(m);
      });
      return out;
    }
    parseAllDocuments(v, { prettyErrors: false }).forEach((doc, i) => {
      const label = `manifest ${i + 1}`;
      const first = doc.errors[0];
      if (first) {
        ctx.issues.push({ code: 'custom', input: v, path: [], message: `${label}: ${first.message}`, params: { code: 'manifest', textOffset: first.pos[0] } });
        return;
      }
      if (doc.contents === null) return; // an empty document between two ---
      const m = envelope(doc.toJS(), ctx, [], label, doc.contents.range[0]);
      if (m) out.push(m);
    });
    return out;
  })
  .describe('Kubernetes manifests applied at t=0: YAML text with --- separators, or a list of objects.');
