// Layer lab (lab file): `cilium:`: the Helm release of Cilium (chart version and the values of
// `helm install cilium cilium/cilium --set ...`, as the nested map Helm's --set parser builds) and
// `pins`: per-node IPAM state that existed before t=0 (PodCIDR and cilium_host IP), so a lab reproduces a
// transcript exactly instead of drawing them from the seed.

import { z } from 'zod';
import { DNS1123_LABEL, duration, ipv4Address, networkPrefix, version } from './fields.js';

export const DEFAULT_CILIUM_VERSION = '1.18.0';

/** A Helm value: what `helm get values` would print (strings, numbers, booleans, null, lists, maps). */
export type HelmValue = string | number | boolean | null | readonly HelmValue[] | { readonly [key: string]: HelmValue };
export type HelmValues = { readonly [key: string]: HelmValue };

/** Any JSON value (Helm values, manifests); one named definition in the JSON Schema. */
export const jsonValue: z.ZodType<HelmValue> = z
  .lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]))
  .meta({ id: 'JsonValue', description: 'Any JSON/YAML value.' });

export const ciliumPinSchema = z
  .strictObject({
    podCIDR: networkPrefix().describe("The node's PodCIDR (CiliumNode spec.ipam.podCIDRs[0]); a /clusterPoolIPv4MaskSize block of the pool."),
    ciliumHostIP: ipv4Address.optional().describe('The cilium_host (router) IP, CiliumNode CILIUMINTERNALIP. Default: drawn from the seed inside podCIDR.'),
  })
  .describe('IPAM state of one node before t=0.');

export const ciliumSchema = z
  .strictObject({
    version: version('').default(DEFAULT_CILIUM_VERSION).describe('Cilium chart and image version (helm install --version). Default 1.18.0.'),
    installed: duration({ maxUs: 0, what: 'Cilium is installed before the lab starts, so installed must be 0 or negative (e.g. -59m)' })
      .optional()
      .describe('When `helm install` ran, relative to t=0 (helm list UPDATED, cilium pod ages). Default: when the control plane joined.'),
    values: z
      .record(z.string(), jsonValue)
      .default({})
      .describe('Helm values of the cilium release, as a nested map (dotted --set keys expanded). Chart defaults apply to the rest.'),
    pins: z
      .record(z.string().regex(DNS1123_LABEL, { error: (i) => `"${String(i.input)}" is not a node name` }), ciliumPinSchema)
      .default({})
      .describe('Per-node IPAM state keyed by node name; unpinned nodes get the next free PodCIDR in node order and a random cilium_host IP.'),
  })
  .describe('The Cilium Helm release.');
