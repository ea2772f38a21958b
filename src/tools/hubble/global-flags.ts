// Layer tools (hubble): the persistent flags every hubble command takes (cmd/common/config/flags.go):
// the server address (default localhost:4245, or $HUBBLE_SERVER), timeouts, TLS and port-forward
// settings, --config and --debug. Only --server changes what the lab does.

import type { Process } from '../process.js';
import type { FlagSpec, ParsedFlag } from './flag-parser.js';

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
];

/** --server, else $HUBBLE_SERVER, else localhost:4245 (defaults.ServerAddress). */
export function serverOf(p: Process, flags: readonly ParsedFlag[]): string {
  const given = [...flags].reverse().find((f) => f.name === 'server')?.value;
  return given ?? p.env.get('HUBBLE_SERVER') ?? 'localhost:4245';
}
