// Layer tools (cilium): `cilium hubble enable [--relay] [--ui]` and `cilium hubble disable` of cilium-cli
// v0.18.6 (cli/hubble.go, hubble/hubble.go EnableWithHelm/DisableWithHelm): a Helm upgrade of the release
// reusing its values with hubble.relay.enabled and hubble.ui.enabled set (enable's --relay defaults to
// true, --ui to false, so enabling without --ui turns the UI off); hubble.enabled is left alone. Silent.

import { HelmError, mergeValues } from '../helm/chart-source.js';
import { flagValue, type FlagSpec, type ParsedFlags } from '../helm/flags.js';
import { upgradeRelease } from '../helm/upgrade.js';
import type { Process } from '../process.js';
import { cliFatal, type CliScope } from './cli-scope.js';

export const HUBBLE_ENABLE_FLAGS: readonly FlagSpec[] = [
  { name: 'relay', kind: 'bool' },
  { name: 'ui', kind: 'bool' },
];

function upgrade(p: Process, scope: CliScope, sets: readonly string[], failure: string): number {
  try {
    upgradeRelease(p.lab, { namespace: scope.namespace, name: scope.release, vals: mergeValues(p, [], sets, []), mode: 'reuse' });
    return 0;
  } catch (e) {
    if (e instanceof HelmError) return cliFatal(p, `${failure}${e.message}`);
    throw e;
  }
}

export function hubbleEnable(p: Process, scope: CliScope, f: ParsedFlags): number {
  const relay = flagValue(f, 'relay') !== 'false';
  const ui = flagValue(f, 'ui') === 'true';
  return upgrade(p, scope, [`hubble.relay.enabled=${relay}`, `hubble.ui.enabled=${ui}`], 'Unable to enable Hubble: ');
}

export function hubbleDisable(p: Process, scope: CliScope): number {
  return upgrade(p, scope, ['hubble.relay.enabled=false', 'hubble.ui.enabled=false'], 'Unable to disable Hubble:  ');
}
