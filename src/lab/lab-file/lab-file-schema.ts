// Layer lab (lab file): the whole lab file. `labFileFields` is the shape (strict: unknown fields are
// errors; field-level parsing and defaults); `labFileSchema` adds the cross-field checks and resolves
// the cross-field defaults, so z.output<typeof labFileSchema> is the fully-defaulted LabSpec.

import { z } from 'zod';
import { checkCiliumValues } from './check-cilium-values.js';
import { checkPodPool } from './check-cilium-ipam.js';
import { reporter, type RawLab } from './check-context.js';
import { checkKubernetes, controlPlaneName } from './check-kubernetes.js';
import { checkRoutesAndSysctls } from './check-routes.js';
import { checkHosts, checkNetworks } from './check-topology.js';
import { ciliumSchema } from './cilium-schema.js';
import { clockMismatch, clockSchema } from './clock-schema.js';
import { hostSchema } from './host-schema.js';
import { kubernetesSchema } from './kubernetes-schema.js';
import type { LabSpec } from './lab-spec.js';
import { networkSchema } from './network-schema.js';
import { resolveLab } from './resolve-lab.js';
import { workloadsSchema } from './workloads-schema.js';

export const labFileFields = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: (i) => `"${String(i.input)}" is not a lab name (letters, digits, '.', '_' and '-')` }).describe('Name of the lab.'),
    description: z.string().default('').describe('One paragraph about the lab, shown by the UI.'),
    seed: z.int().min(0).max(4294967295).default(1).describe('Default seed of the RNG (pod name suffixes, pod IPs, identities, MACs); --seed overrides it. Default 1.'),
    clock: clockSchema.prefault({}),
    networks: z.array(networkSchema).default([]).describe('L2 segments.'),
    hosts: z.array(hostSchema).min(1, { error: 'a lab needs at least one host' }).describe('Machines, in definition order (`vagrant status` order).'),
    kubernetes: kubernetesSchema.prefault({}),
    cilium: ciliumSchema.prefault({}),
    workloads: workloadsSchema.prefault([]),
  })
  .describe('A ciliumlab lab file: hosts, L2 segments, a Kubernetes cluster and its Cilium configuration.')
  .meta({ title: 'ciliumlab lab file' });

function checkLab(lab: RawLab, ctx: z.core.$RefinementCtx): void {
  const report = reporter(ctx);
  const mismatch = clockMismatch(lab.clock);
  if (mismatch) report(['clock', 'start'], 'invalid-time', mismatch);
  checkNetworks(lab, report);
  checkHosts(lab, report);
  checkRoutesAndSysctls(lab, report);
  checkKubernetes(lab, report);
  if (checkCiliumValues(lab, controlPlaneName(lab), report)) checkPodPool(lab, report);
}

export const labFileSchema = labFileFields.superRefine(checkLab).transform((lab): LabSpec => resolveLab(lab));
