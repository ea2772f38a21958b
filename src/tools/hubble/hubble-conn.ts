// Layer tools (hubble): reaching the Hubble API the way the hubble CLI's gRPC client does: the server
// ("localhost:4245" unless --server / HUBBLE_SERVER) is resolved through /etc/hosts, the addresses are
// tried IPv4/IPv6-interleaved with a real TCP connect from the host (what `cilium hubble port-forward`
// listens on), and a failure reads as grpc-go prints it, naming the last address tried.

import { parseIpv4 } from '../../addr/index.js';
import { TcpSocket } from '../../net/tcp/tcp-socket.js';
import type { Errno } from '../../net/netlink-error.js';
import type { Process } from '../process.js';

export type HubbleConn = { readonly ok: true; readonly target: string } | { readonly ok: false; readonly error: string };

/** Go's syscall.Errno texts for what a dial can end with. */
const GO_ERRNO: Partial<Record<Errno, string>> = {
  ECONNREFUSED: 'connect: connection refused',
  EHOSTUNREACH: 'connect: no route to host',
  ENETUNREACH: 'connect: network is unreachable',
  ETIMEDOUT: 'i/o timeout',
};

/** grpc's minimum connect deadline: a dial that hears nothing gives up after 20 s. */
const CONNECT_TIMEOUT_US = 20_000_000;

/** Addresses of `host` from /etc/hosts in file order (Go's hosts lookup), or the loopbacks for localhost. */
function resolve(p: Process, host: string): string[] {
  if (parseIpv4(host) !== undefined || host.includes(':')) return [host];
  const found: string[] = [];
  for (const line of (p.host.readFile('/etc/hosts') ?? '').split('\n')) {
    const [addr, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (addr && names.includes(host) && !found.includes(addr)) found.push(addr);
  }
  if (found.length > 0) return found;
  return host === 'localhost' ? ['127.0.0.1', '::1'] : [];
}

/** pickfirstleaf's RFC 8305 interleaving, starting with the first address's family. */
function interleave(addrs: readonly string[]): string[] {
  const v4 = addrs.filter((a) => !a.includes(':'));
  const v6 = addrs.filter((a) => a.includes(':'));
  const [first, second] = addrs[0]?.includes(':') ? [v6, v4] : [v4, v6];
  const out: string[] = [];
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    const a = first[i];
    const b = second[i];
    if (a !== undefined) out.push(a);
    if (b !== undefined) out.push(b);
  }
  return out;
}

/** A TCP connect from the host; resolves to undefined when it is established, else the Go error text. */
async function connect(p: Process, addr: string, port: number): Promise<string | undefined> {
  const ip = parseIpv4(addr);
  const ns = p.host.netns;
  const where = `dial tcp ${addr.includes(':') ? `[${addr}]` : addr}:${port}`;
  if (ip === undefined || !ns) return `${where}: connect: connection refused`;
  const sk = TcpSocket.connect(ns, { addr: ip, port });
  if (typeof sk === 'string') return `${where}: ${GO_ERRNO[sk] ?? 'connect: connection refused'}`;
  let closed: Errno | 'closed' | undefined;
  let isConnected = false;
  sk.onConnected = () => void (isConnected = true);
  sk.onClosed = (errno) => void (closed = errno ?? 'closed');
  const isDone = await p.until(() => isConnected || closed !== undefined, CONNECT_TIMEOUT_US);
  if (isConnected) {
    sk.close();
    return undefined;
  }
  sk.abort();
  const errno: Errno = !isDone ? 'ETIMEDOUT' : closed === 'closed' || closed === undefined ? 'ECONNREFUSED' : closed;
  return `${where}: ${GO_ERRNO[errno] ?? 'connect: connection refused'}`;
}

/** Connects to `server` ("host:port", optionally "tls://host:port"). */
export async function dialHubble(p: Process, server: string): Promise<HubbleConn> {
  const target = server.replace(/^tls:\/\//, '');
  const i = target.lastIndexOf(':');
  const host = target.slice(0, i).replace(/^\[|\]$/g, '');
  const port = Number(target.slice(i + 1));
  const addrs = interleave(resolve(p, host));
  if (i < 0 || !Number.isInteger(port) || addrs.length === 0) {
    return { ok: false, error: `rpc error: code = Unavailable desc = name resolver error: produced zero addresses` };
  }
  let last = '';
  for (const a of addrs) {
    const err = await connect(p, a, port);
    if (err === undefined) return { ok: true, target: server };
    last = err;
  }
  return { ok: false, error: `rpc error: code = Unavailable desc = connection error: desc = ${JSON.stringify(`transport: Error while dialing: ${last}`)}` };
}
