// Layer tools (cilium): an endpoint's mutable options as `endpoint get` shows them (spec.options, pkg/option
// endpoint.go endpointMutableOptionLibrary, IntOptions.GetMutableModel): every option of the library, set by
// SetDefaultOpts from the daemon's Opts, which daemon_main.go initEnv fills from cilium-config (debug-verbose
// datapath for Debug/DebugLB, debug or debug-verbose policy for DebugPolicy, bpf-events-*, ...).

import { parseGoBool } from '../go-strconv.js';
import { configData } from './agent-facts.js';
import type { Lab } from '../../lab/index.js';

/** strconv.ParseBool as viper's GetBool applies it, with the flag's default for an absent or bad value. */
function goBool(data: Readonly<Record<string, string>>, key: string, byDefault: boolean): boolean {
  return parseGoBool(data[key] ?? '') ?? byDefault;
}

/** pkg/option monitor.go: ParseMonitorAggregationLevel, then FormatMonitorAggregationLevel. */
const MONITOR_LEVELS: Readonly<Record<string, string>> = { '': 'None', none: 'None', disabled: 'None', lowest: 'Lowest', low: 'Low', medium: 'Medium', max: 'Max', maximum: 'Max', 0: 'None', 1: 'Lowest', 2: 'Low', 3: 'Medium', 4: 'Max' };

/** The options map, its keys written in encoding/json's map order (sorted bytewise). */
export function endpointOptions(lab: Lab): Record<string, string> {
  const c = configData(lab);
  const verbose = (c['debug-verbose'] ?? '').split(/[\s,]+/);
  const isDatapathDebug = verbose.includes('datapath');
  const onOff = (on: boolean) => (on ? 'Enabled' : 'Disabled');
  return {
    ConntrackAccounting: onOff(goBool(c, 'bpf-conntrack-accounting', false)),
    Debug: onOff(isDatapathDebug),
    DebugLB: onOff(isDatapathDebug),
    DebugPolicy: onOff(goBool(c, 'debug', false) || verbose.includes('policy')),
    DropNotification: onOff(goBool(c, 'bpf-events-drop-enabled', true)),
    MonitorAggregationLevel: MONITOR_LEVELS[(c['monitor-aggregation'] ?? '').toLowerCase()] ?? 'None',
    // daemon_main.go: policy-accounting defaults to true.
    PolicyAccounting: onOff(goBool(c, 'policy-accounting', true)),
    PolicyAuditMode: onOff(goBool(c, 'policy-audit-mode', false)),
    PolicyVerdictNotification: onOff(goBool(c, 'bpf-events-policy-verdict-enabled', true)),
    SourceIPVerification: onOff(goBool(c, 'enable-source-ip-verification', true)),
    TraceNotification: onOff(goBool(c, 'bpf-events-trace-enabled', true)),
  };
}
