// Layer tools (kubectl): `kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)`
// (kubectl/pkg/cmd/describe): one describer per kind (describe/), descriptions separated by a blank pair of
// lines; a single NAME that does not exist describes every object whose name starts with it.

import type { ConfigMap, DaemonSet, Deployment, KubeObject, Namespace, Node, Pod, ReplicaSet, Service } from '../../../k8s/index.js';
import { K8sError } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { FILENAME_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { AggregateError, KubectlError, usageError } from '../cli/errors.js';
import { describeConfigMap, describeGeneric, describeNamespace } from '../describe/misc.js';
import { describeNode } from '../describe/node.js';
import { describePod } from '../describe/pod.js';
import { describeService } from '../describe/service.js';
import { describeDaemonSet, describeDeployment, describeReplicaSet } from '../describe/workloads.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';
import { SUGGEST_API_RESOURCES } from './get.js';

export function describeObject(ctx: Ctx, obj: KubeObject): string {
  switch (obj.kind) {
    case 'Pod':
      return describePod(ctx, obj as Pod);
    case 'Node':
      return describeNode(ctx, obj as Node);
    case 'Deployment':
      return describeDeployment(ctx, obj as Deployment);
    case 'ReplicaSet':
      return describeReplicaSet(ctx, obj as ReplicaSet);
    case 'DaemonSet':
      return describeDaemonSet(ctx, obj as DaemonSet);
    case 'Service':
      return describeService(ctx, obj as Service);
    case 'Namespace':
      return describeNamespace(ctx, obj as Namespace);
    case 'ConfigMap':
      return describeConfigMap(ctx, obj as ConfigMap);
    default:
      return describeGeneric(ctx, obj);
  }
}

export const describeCommand: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [...FILENAME_FLAGS, SELECTOR_FLAG, { name: 'all-namespaces', short: 'A', kind: 'bool' }, { name: 'show-events', kind: 'bool', def: 'true' }, { name: 'chunk-size', kind: 'int', def: '500' }],
  run: async (ctx, args) => {
    if (args.length === 0 && ctx.flags.strings('filename').length === 0) {
      ctx.err(`You must specify the type of resource to describe. ${SUGGEST_API_RESOURCES}\n\n`);
      throw usageError(ctx.path, 'Required resource not specified.');
    }
    const requests = parseResourceArgs(ctx, args);
    const fetched = fetchAll(ctx, requests, { allNamespaces: ctx.flags.bool('all-namespaces'), labelSelector: ctx.flags.string('selector') });
    const first = fetched.errors[0];
    if (first instanceof K8sError && first.code === 'NotFound' && args.length === 2 && requests.length === 1) return describeMatching(ctx, requests[0]?.rt.kind ?? '', args[1] ?? '', first);
    const texts = infosOf(fetched).map((i) => describeObject(ctx, i.obj));
    ctx.out(texts.join('\n\n'));
    if (texts.length === 0 && fetched.errors.length === 0) ctx.err(ctx.flags.bool('all-namespaces') ? 'No resources found\n' : `No resources found in ${ctx.namespace()} namespace.\n`);
    if (fetched.errors.length > 0) throw new AggregateError(fetched.errors);
  },
};

/** DescribeMatchingResources: every object of the type whose name starts with `prefix`. */
function describeMatching(ctx: Ctx, kind: string, prefix: string, original: unknown): void {
  const rt = ctx.api().resource(kind);
  const matching = ctx.api().list(kind, rt.namespaced ? { namespace: ctx.namespace() } : {}).filter((o) => (o.metadata.name ?? '').startsWith(prefix));
  if (matching.length === 0) throw original instanceof Error ? original : new KubectlError(String(original));
  for (const o of matching) ctx.out(`${describeObject(ctx, o)}\n`);
}
