// Layer tools (hubble): the persistent flags every hubble command takes (cmd/common/config/flags.go):
// the server address (default localhost:4245, or $HUBBLE_SERVER), timeouts, TLS and port-forward
// settings, --config and --debug. --server picks what to dial; -P forwards to hubble-relay itself.

import type { Process } from '../process.js';
import { isTrue, type FlagSpec, type ParsedFlag } from './flag-parser.js';
import { dialHubble, type HubbleConn } from './hubble-conn.js';

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'server', kind: 'string' },
  { name: 'config', kind: 'string' },
  { name: 'debug', short: 'D', kind: 'bool' },
  { name: 'timeout', kind: 'string' },
  { name: 'request-timeout', kind: 'string' },
  { name: 'tls', kind: 'bool' },
  { name: 'tls-allow-insecure', kind: 'bool' },
  { name: 'tls-server-name', kind: 'string' },
  { name: 'basic-auth-username', kind: 'string' },
  { name: 'basic-auth-password', kind: 'string' },
  { name: 'kube-context', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'kube-namespace', kind: 'string' },
  { name: 'port-forward', short: 'P', kind: 'bool' },
  { name: 'port-forward-port', kind: 'uint' },
];

/** --server, else $HUBBLE_SERVER, else localhost:4245 (defaults.ServerAddress). */
export function serverOf(p: Process, flags: readonly ParsedFlag[]): string {
  const given = [...flags].reverse().find((f) => f.name === 'server')?.value;
  return given ?? p.env.get('HUBBLE_SERVER') ?? 'localhost:4245';
}

/** NewWithFlags: with -P hubble port-forwards to hubble-relay and dials 127.0.0.1:<port-forward-port>. */
export async function connectHubble(p: Process, flags: readonly ParsedFlag[]): Promise<HubbleConn> {
  const last = (name: string) => [...flags].reverse().find((f) => f.name === name)?.value;
  if (isTrue(last('port-forward') ?? 'false')) return { ok: true, target: `127.0.0.1:${last('port-forward-port') ?? '4245'}` };
  return dialHubble(p, serverOf(p, flags));
}
