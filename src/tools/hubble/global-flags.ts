// Layer tools (hubble): the persistent flags every hubble command takes (hubble 1.18.0,
// cmd/common/config/flags.go, usage texts as written there): the server address (default localhost:4245,
// or $HUBBLE_SERVER), timeouts, TLS and port-forward settings, --config and --debug. --server picks what
// to dial; -P forwards to hubble-relay itself.

import type { Process } from '../process.js';
import type { FlagSet } from '../cobra-help.js';
import { isTrue, specsOf, type FlagSpec, type ParsedFlag } from './flag-parser.js';
import { dialHubble, type HubbleConn } from './hubble-conn.js';

export const SERVER_SET: FlagSet = {
  name: 'server',
  flags: [
    { name: 'basic-auth-password', type: 'string', usage: 'Specify a password for basic auth' },
    { name: 'basic-auth-username', type: 'string', usage: 'Specify a username for basic auth' },
    { name: 'kube-context', type: 'string', usage: 'Kubernetes configuration context. This option is only considered when --port-forward is set.' },
    { name: 'kube-namespace', type: 'string', def: 'kube-system', usage: 'Namespace Cilium is running in. This option is only considered when --port-forward is set.' },
    { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file. This option is only considered when --port-forward is set.' },
    { name: 'port-forward', short: 'P', type: 'bool', usage: "Automatically forward the relay port to the local machine. Analoguous to running: 'cilium hubble port-forward'." },
    { name: 'port-forward-port', type: 'uint16', def: '4245', usage: 'Local port to forward to. 0 will select a random port. This option is only considered when --port-forward is set.' },
    { name: 'request-timeout', type: 'duration', def: '12s', usage: 'Unary Request timeout. Only applies to non-streaming RPCs (ServerStatus, ListNodes, ListNamespaces).' },
    { name: 'server', type: 'string', def: 'localhost:4245', usage: 'Address of a Hubble server. Ignored when --input-file or --port-forward is provided.' },
    { name: 'timeout', type: 'duration', def: '5s', usage: 'Hubble server dialing timeout' },
    { name: 'tls', type: 'bool', usage: "Specify that TLS must be used when establishing a connection to a Hubble server.\r\nBy default, TLS is only enabled if the server address starts with 'tls://'." },
    { name: 'tls-allow-insecure', type: 'bool', usage: "Allows the client to skip verifying the server's certificate chain and host name.\r\nThis option is NOT recommended as, in this mode, TLS is susceptible to machine-in-the-middle attacks.\r\nSee also the 'tls-server-name' option which allows setting the server name." },
    { name: 'tls-ca-cert-files', type: 'stringSlice', usage: 'Paths to custom Certificate Authority (CA) certificate files.The files must contain PEM encoded data.' },
    { name: 'tls-client-cert-file', type: 'string', usage: 'Path to the public key file for the client certificate to connect to a Hubble server (implies TLS).\r\nThe file must contain PEM encoded data.' },
    { name: 'tls-client-key-file', type: 'string', usage: 'Path to the private key file for the client certificate to connect a Hubble server (implies TLS).\r\nThe file must contain PEM encoded data.' },
    { name: 'tls-server-name', type: 'string', usage: "Specify a server name to verify the hostname on the returned certificate (eg: 'instance.hubble-relay.cilium.io')." },
  ],
};

/** GlobalFlags: --config defaults to os.UserConfigDir()/hubble/config.yaml. */
export function globalSet(env: ReadonlyMap<string, string>): FlagSet {
  const dir = env.get('XDG_CONFIG_HOME') ?? `${env.get('HOME') ?? '/root'}/.config`;
  return {
    name: 'global',
    flags: [
      { name: 'config', type: 'string', def: `${dir}/hubble/config.yaml`, usage: 'Optional config file' },
      { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug messages' },
    ],
  };
}

/** Every persistent flag, for the parser (the root's server and global sets). */
export const GLOBAL_FLAGS: readonly FlagSpec[] = specsOf([...SERVER_SET.flags, ...globalSet(new Map()).flags]);

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
