// Layer tools (cilium): `cilium config set KEY VALUE` and `cilium config delete KEY` of cilium-cli v0.18.6
// (cli/config.go, config/config.go): a strategic-merge patch adding the key to cilium-config, or a JSON
// patch removing it (the apiserver refuses to remove a key that is not there), then the agent pods deleted
// (k8s-app=cilium) so the DaemonSet recreates them and the agents read the ConfigMap; -r/--restart=false skips that.

import { goQuote, K8sError, patchObject } from '../../k8s/index.js';
import { flagValue, type FlagSpec, type ParsedFlags } from '../helm/flags.js';
import type { Process } from '../process.js';
import { cliError, cliFatal, type CliScope } from './cli-scope.js';

export const CONFIG_EDIT_FLAGS: readonly FlagSpec[] = [{ name: 'restart', short: 'r', kind: 'bool' }];

const CONFIG_MAP = 'cilium-config';
const AGENT_POD_SELECTOR = 'k8s-app=cilium';

/** restartPodsUponConfigChange: DeletePodCollection on the agent selector, or the reminder. */
function restart(p: Process, scope: CliScope, f: ParsedFlags): void {
  if (flagValue(f, 'restart') === 'false') {
    p.out('⚠️  Restart Cilium pods for configmap changes to take effect\n');
    return;
  }
  const api = p.lab.k8s.api;
  for (const pod of api.list('Pod', { namespace: scope.namespace, labelSelector: AGENT_POD_SELECTOR })) api.delete('Pod', scope.namespace, pod.metadata.name ?? '');
  p.out('♻️  Restarted Cilium pods\n');
}

function patch(p: Process, scope: CliScope, f: ParsedFlags, body: unknown, text: string, type: 'strategic' | 'json', failure: string): number {
  try {
    patchObject(p.lab.k8s.api, 'ConfigMap', scope.namespace, CONFIG_MAP, body, type);
  } catch (e) {
    if (e instanceof K8sError) return cliFatal(p, `${failure}unable to patch ConfigMap ${CONFIG_MAP} with patch ${goQuote(text)}: ${e.message}`);
    throw e;
  }
  restart(p, scope, f);
  return 0;
}

export function configSet(p: Process, scope: CliScope, f: ParsedFlags): number {
  if (f.args.length !== 2) return cliError(p, `accepts 2 arg(s), received ${f.args.length}`);
  const [key = '', value = ''] = f.args;
  p.out(`✨ Patching ConfigMap ${CONFIG_MAP} with ${key}=${value}...\n`);
  return patch(p, scope, f, { data: { [key]: value } }, `{"data":{"${key}":"${value}"}}`, 'strategic', 'Unable to set config:  ');
}

export function configDelete(p: Process, scope: CliScope, f: ParsedFlags): number {
  if (f.args.length !== 1) return cliError(p, `accepts 1 arg(s), received ${f.args.length}`);
  const [key = ''] = f.args;
  p.out(`✨ Removing key ${key} from ConfigMap ${CONFIG_MAP}...\n`);
  const path = `/data/${key}`;
  return patch(p, scope, f, [{ op: 'remove', path }], `[{"op": "remove", "path": "${path}"}]`, 'json', 'Unable to delete config:  ');
}
