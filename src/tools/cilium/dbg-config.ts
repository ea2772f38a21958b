// Layer tools (cilium): `cilium-dbg config` (cilium-dbg/cmd/config.go dumpReadWriteConfigs, helpers.go
// dumpConfig "%-34s: %s"): the agent's mutable options (pkg/option/daemon.go DaemonOptionLibrary, as
// daemon_main.go sets them: policy debugging follows `debug`), the monitor's page count and the policy
// enforcement mode.

import { configBool } from './agent-facts.js';

const AGGREGATION: Readonly<Record<string, string>> = { none: 'None', disabled: 'None', lowest: 'Lowest', low: 'Low', medium: 'Medium', max: 'Maximum', maximum: 'Maximum' };

export function dbgConfig(c: Readonly<Record<string, string>>): string {
  const onOff = (on: boolean) => (on ? 'Enabled' : 'Disabled');
  const datapathDebug = (c['debug-verbose'] ?? '').split(/[ ,]+/).includes('datapath');
  const options: Array<[string, string]> = [
    ['ConntrackAccounting', onOff(configBool(c, 'bpf-conntrack-accounting', false))],
    ['Debug', onOff(datapathDebug)],
    ['DebugLB', onOff(datapathDebug)],
    ['DebugPolicy', onOff(configBool(c, 'debug', false) || (c['debug-verbose'] ?? '').includes('policy'))],
    ['DropNotification', onOff(configBool(c, 'bpf-events-drop-enabled', true))],
    ['MonitorAggregationLevel', AGGREGATION[(c['monitor-aggregation'] ?? 'medium').toLowerCase()] ?? 'None'],
    ['PolicyAccounting', onOff(configBool(c, 'policy-accounting', true))],
    ['PolicyAuditMode', onOff(configBool(c, 'policy-audit-mode', false))],
    ['PolicyTracing', onOff(configBool(c, 'enable-tracing', false))],
    ['PolicyVerdictNotification', onOff(configBool(c, 'bpf-events-policy-verdict-enabled', true))],
    ['SourceIPVerification', onOff(configBool(c, 'enable-source-ip-verification', true))],
    ['TraceNotification', onOff(configBool(c, 'bpf-events-trace-enabled', true))],
  ];
  const line = (k: string, v: string) => `${k.padEnd(34)}: ${v}\n`;
  return `##### Read-write configurations #####\n${options.map(([k, v]) => line(k, v)).join('')}${line('MonitorNumPages', '64')}${line('PolicyEnforcement', c['enable-policy'] || 'default')}`;
}
