// Layer tools (host): iproute2's `ss` for TCP and UDP sockets: -t -u -a -l -n -p and `state NAME`, the
// Netid column only for several protocols, State only when more than one state can show, ports as service
// names unless -n, rows as inet_diag dumps them (UDP, then TCP listeners, then connections).

import { formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { Netns } from '../../net/netns.js';
import { tcpDiag } from '../../net/tcp/tcp-diag.js';
import type { Process, Tool } from '../process.js';
import { renderTable } from './ss-render.js';

type Proto = 'udp' | 'tcp';

interface SsRow {
  readonly proto: Proto;
  readonly state: string;
  readonly recvQ: number;
  readonly sendQ: number;
  readonly local: Ipv4Addr;
  readonly localPort: number;
  readonly peer: Ipv4Addr;
  readonly peerPort: number;
}

const TCP_STATES = ['ESTAB', 'SYN-SENT', 'SYN-RECV', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'UNCONN', 'CLOSE-WAIT', 'LAST-ACK', 'LISTEN', 'CLOSING'];
/** ss's SS_CONN: every state but LISTEN and UNCONN (closed). */
const CONNECTED = TCP_STATES.filter((s) => s !== 'LISTEN' && s !== 'UNCONN');
const STATE_WORDS: Readonly<Record<string, readonly string[]>> = {
  established: ['ESTAB'],
  'syn-sent': ['SYN-SENT'],
  'syn-recv': ['SYN-RECV'],
  'fin-wait-1': ['FIN-WAIT-1'],
  'fin-wait-2': ['FIN-WAIT-2'],
  'time-wait': ['TIME-WAIT'],
  closed: ['UNCONN'],
  'close-wait': ['CLOSE-WAIT'],
  'last-ack': ['LAST-ACK'],
  listening: ['LISTEN'],
  closing: ['CLOSING'],
  all: TCP_STATES,
  connected: CONNECTED,
  synchronized: CONNECTED.filter((s) => s !== 'SYN-SENT'),
};

/** netbase's /etc/services for the ports the lab listens on, when the host has no /etc/services. */
const SERVICES: Readonly<Record<Proto, Readonly<Record<number, string>>>> = {
  tcp: { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 8080: 'http-alt', 8081: 'tproxy' },
  udp: { 53: 'domain', 67: 'bootps', 68: 'bootpc', 443: 'https', 5353: 'mdns' },
};

function rows(ns: Netns): SsRow[] {
  const udp: SsRow[] = [];
  for (const [port, socks] of [...ns.sockets.udp.entries()].sort((a, b) => a[0] - b[0])) {
    for (const s of socks) udp.push({ proto: 'udp', state: s.remote ? 'ESTAB' : 'UNCONN', recvQ: 0, sendQ: 0, local: s.localAddr, localPort: port, peer: s.remote?.addr ?? (0 as Ipv4Addr), peerPort: s.remote?.port ?? 0 });
  }
  const tcp = tcpDiag(ns).map((d): SsRow => ({ proto: 'tcp', state: d.state, recvQ: d.recvQ, sendQ: d.sendQ, local: d.localAddr, localPort: d.localPort, peer: d.peerAddr, peerPort: d.peerPort }));
  return [...udp, ...tcp];
}

function service(p: Process, proto: Proto, port: number, numeric: boolean): string {
  if (port === 0) return '*';
  if (numeric) return String(port);
  const etc = p.host.readFile('/etc/services');
  if (etc !== undefined) {
    const hit = etc.split('\n').map((l) => l.replace(/#.*/, '').trim().split(/\s+/)).find((f) => f[1] === `${port}/${proto}`);
    return hit?.[0] ?? String(port);
  }
  return SERVICES[proto][port] ?? String(port);
}

export const ss: Tool = async (p) => {
  const ns = p.host.netns;
  if (!ns) return 1;
  const flags = new Set<string>();
  let states: string[] | undefined;
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === 'state' || a === 'exclude') {
      const w = STATE_WORDS[args[++i] ?? ''];
      if (!w) {
        p.err(`ss: wrong state name: ${args[i] ?? ''}\n`);
        return 255;
      }
      states = a === 'state' ? [...(states ?? []), ...w] : TCP_STATES.filter((s) => !w.includes(s));
    } else if (a.startsWith('--')) flags.add(a);
    else if (a.startsWith('-')) for (const c of a.slice(1)) flags.add(c);
  }
  const protos: Proto[] = flags.has('t') || flags.has('u') ? (['u', 't'] as const).filter((f) => flags.has(f)).map((f) => (f === 't' ? 'tcp' : 'udp')) : ['udp', 'tcp'];
  const wanted = (proto: Proto): string[] => {
    if (states) return states;
    if (flags.has('a')) return TCP_STATES;
    if (flags.has('l')) return ['LISTEN', 'UNCONN'];
    return proto === 'tcp' ? CONNECTED : ['ESTAB'];
  };
  const shown = new Set(protos.flatMap(wanted));
  const numeric = flags.has('n');
  const body = rows(ns)
    .filter((r) => protos.includes(r.proto) && wanted(r.proto).includes(r.state))
    .sort((a, b) => protos.indexOf(a.proto) - protos.indexOf(b.proto))
    .map((r) => [r.proto, r.state, String(r.recvQ).padEnd(6), String(r.sendQ).padEnd(6), `${formatIpv4(r.local)}:`, service(p, r.proto, r.localPort, numeric), `${formatIpv4(r.peer)}:`, r.peerPort === 0 ? '*' : service(p, r.proto, r.peerPort, numeric), '']);
  const enabled = [protos.length > 1, shown.size > 1, true, true, true, true, true, true, true];
  const cells = body.map((r) => r.filter((_, i) => enabled[i]));
  p.out(renderTable(enabled, cells, p.isTty ? Number(p.env.get('COLUMNS') ?? 80) : undefined));
  return 0;
};
