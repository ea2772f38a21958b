// Layer tools (kubectl): `kubectl expose (TYPE NAME | TYPE/NAME) [--port=N] ...` (kubectl/pkg/cmd/expose):
// for each object, the pod selector, ports and protocols it implies (polymorphichelpers' map-based
// selector, ports and protocols for pods, services, deployments, replica sets and replication
// controllers), then the Service created ("service/NAME exposed").

import { groupKindOf, type KubeObject, type LabelSelector, type PodSpec } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, PRINT_FLAGS } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { AggregateError, KubectlError } from '../cli/errors.js';
import { namePrinter, outputFormat } from '../printers/output.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';
import { MISSING_RESOURCE } from './delete.js';
import { dryRunMode, dryRunSuffix } from './dry-run.js';
import { buildService } from './expose-service.js';

const s = (name: string, short?: string) => ({ name, kind: 'string' as const, ...(short ? { short } : {}) });

export const exposeCommand: Command = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    ...PRINT_FLAGS, DRY_RUN_FLAG, FIELD_MANAGER_FLAG('kubectl-expose'), s('protocol'), s('port'), s('type'), s('load-balancer-ip'), s('selector'), s('labels', 'l'),
    s('target-port'), s('external-ip'), s('name'), s('session-affinity'), s('cluster-ip'), s('overrides'), s('override-type'),
    { name: 'save-config', kind: 'bool' }, { name: 'record', kind: 'bool' },
  ],
  run: runExpose,
};

type Workload = KubeObject & { spec?: { selector?: LabelSelector | Record<string, string>; template?: { spec?: PodSpec }; ports?: { port: number; protocol?: string }[] } };

async function runExpose(ctx: Ctx, args: string[]): Promise<void> {
  const f = ctx.flags;
  const mode = dryRunMode(ctx);
  const output = f.string('output');
  const printer = output ? outputFormat(output, false, f.bool('allow-missing-template-keys')).printer : namePrinter(`exposed${dryRunSuffix(ctx)}`);
  if (f.string('overrides') !== '') throw new KubectlError('kubectl expose --overrides is not modelled');
  const requests = parseResourceArgs(ctx, args);
  if (requests.length === 0) throw new KubectlError(MISSING_RESOURCE);
  const fetched = fetchAll(ctx, requests);
  if (fetched.errors.length > 0) throw new AggregateError(fetched.errors);
  // The options outlive each visited object, as ExposeServiceOptions does.
  let selector = f.string('selector');
  let port = f.string('port');
  let labels = f.string('labels');
  for (const { rt, obj } of infosOf(fetched)) {
    const w = obj as Workload;
    if (!['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController'].includes(rt.kind)) throw new KubectlError(`cannot expose a ${groupKindOf(rt)}`);
    if (selector === '') selector = selectorOf(w);
    if (port === '') {
      const ports = portsOf(w).map((p) => String(p.port));
      const unique = [...new Set(ports)];
      if (unique.length === 0 && f.string('cluster-ip') !== 'None') throw new KubectlError("couldn't find port via --port flag or introspection");
      port = unique.join(',');
    }
    const protocols = portsOf(w).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',');
    if (labels === '') labels = Object.entries(obj.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
    const name = f.string('name') || (obj.metadata.name ?? '').slice(0, 63);
    const svc = buildService({
      name, selector, port, protocol: f.string('protocol'), protocols, targetPort: f.string('target-port'), labels, type: f.string('type'),
      clusterIP: f.string('cluster-ip'), externalIP: f.string('external-ip'), sessionAffinity: f.string('session-affinity'),
    });
    if (mode === 'client') {
      if (ctx.explicitNamespace()) svc.metadata = { ...svc.metadata, namespace: ctx.namespace() };
      ctx.out(printer ? printer(svc) : '');
      continue;
    }
    const created = ctx.api().create(svc, { dryRun: mode === 'server', namespace: ctx.namespace() });
    ctx.out(printer ? printer(created) : '');
  }
}

/** MapBasedSelectorForObject, with its errors wrapped as RunExpose wraps them. */
function selectorOf(w: Workload): string {
  const fail = (m: string) => new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${m}`);
  const pairs = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(',');
  if (w.kind === 'Pod') {
    if (Object.keys(w.metadata.labels ?? {}).length === 0) throw fail('the pod has no labels and cannot be exposed');
    return pairs(w.metadata.labels ?? {});
  }
  if (w.kind === 'Service') {
    if (w.spec?.selector === undefined) throw fail('the service has no pod selector set');
    return pairs(w.spec.selector as Record<string, string>);
  }
  if (w.kind === 'ReplicationController') return pairs((w.spec?.selector ?? {}) as Record<string, string>);
  const sel = w.spec?.selector as LabelSelector | undefined;
  const what = w.kind === 'Deployment' ? 'deployment' : 'replicaset';
  if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0) throw fail(`invalid ${what}: no selectors, therefore cannot be exposed`);
  const exprs = sel.matchExpressions ?? [];
  if (exprs.length > 0) throw fail(`couldn't convert expressions - "[${exprs.map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`).join(' ')}]" to map-based selector format`);
  return pairs(sel.matchLabels ?? {});
}

/** The container ports of the object's pod spec, or a service's ports. */
function portsOf(w: Workload): { port: number; protocol?: string }[] {
  if (w.kind === 'Service') return w.spec?.ports ?? [];
  const spec = w.kind === 'Pod' ? (w.spec as unknown as PodSpec) : w.spec?.template?.spec;
  return (spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, ...(p.protocol ? { protocol: p.protocol } : {}) })));
}
