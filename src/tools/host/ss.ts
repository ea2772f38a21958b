// Layer tools (host): iproute2's `ss` for TCP and UDP sockets: -t -u -a -l -n -p -s -4 -6 and
// `state NAME`; the Netid column only for several protocols, State only when more than one state can show;
// rows in inet_diag's dump order (UDP then TCP, each AF_INET then AF_INET6, see tcp-diag.ts / udp-diag.ts),
// addresses and service names as ss-addr.ts prints them, ss -p's users from the machine's process table.

import type { Ipv4Addr } from '../../addr/index.js';
import type { Netns } from '../../net/netns.js';
import type { SockBinding, SockFamily } from '../../net/sock-bind.js';
import { sockstat } from '../../net/sockstat.js';
import { tcpDiag } from '../../net/tcp/tcp-diag.js';
import { udpDiag } from '../../net/udp-diag.js';
import type { Process, Tool } from '../process.js';
import { addrText, portNames, portText, type PortNames, type SsProto } from './ss-addr.js';
import { renderTable } from './ss-render.js';
import { summaryText } from './ss-summary.js';
import { socketUsers, type SocketUsers } from './ss-users.js';

interface SsRow {
  readonly proto: SsProto;
  readonly state: string;
  readonly recvQ: number;
  readonly sendQ: number;
  readonly localAddr: Ipv4Addr;
  readonly localPort: number;
  readonly peerAddr: Ipv4Addr;
  readonly peerPort: number;
  readonly binding: SockBinding;
  readonly socket: object;
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
/** The long options as their short letters. */
const LONG: Readonly<Record<string, string>> = {
  '--tcp': 't', '--udp': 'u', '--all': 'a', '--listening': 'l', '--numeric': 'n', '--processes': 'p', '--summary': 's', '--ipv4': '4', '--ipv6': '6',
};

function rows(ns: Netns, proto: SsProto, family: SockFamily): SsRow[] {
  if (proto === 'udp') return udpDiag(ns, family).map((d) => ({ proto, ...d }));
  return tcpDiag(ns, family).map((d) => ({ proto, ...d, socket: d.socket }));
}

function cells(r: SsRow, ns: Netns, names: PortNames, users: SocketUsers | undefined): string[] {
  const ifname = r.binding.boundIfindex !== 0 ? ns.devices.get(r.binding.boundIfindex)?.name : undefined;
  const who = users?.get(r.socket);
  return [
    r.proto, r.state, String(r.recvQ).padEnd(6), String(r.sendQ).padEnd(6),
    addrText(r.localAddr, r.binding, ifname), portText(names, r.proto, r.localPort),
    addrText(r.peerAddr, r.binding, undefined), portText(names, r.proto, r.peerPort),
    who !== undefined ? ` users:${who}` : '',
  ];
}

interface SsArgs {
  readonly flags: ReadonlySet<string>;
  readonly states: readonly string[] | undefined;
}

function parseArgs(p: Process): SsArgs | undefined {
  const flags = new Set<string>();
  let states: string[] | undefined;
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === 'state' || a === 'exclude') {
      const w = STATE_WORDS[args[++i] ?? ''];
      if (!w) {
        p.err(`ss: wrong state name: ${args[i] ?? ''}\n`);
        return undefined;
      }
      states = a === 'state' ? [...(states ?? []), ...w] : TCP_STATES.filter((s) => !w.includes(s));
    } else if (a.startsWith('--')) flags.add(LONG[a] ?? a);
    else if (a.startsWith('-')) for (const c of a.slice(1)) flags.add(c);
  }
  return { flags, states };
}

export const ss: Tool = async (p) => {
  const ns = p.host.netns;
  if (!ns) return 1;
  const args = parseArgs(p);
  if (!args) return 255;
  const { flags, states } = args;
  const hasProto = flags.has('t') || flags.has('u');
  if (flags.has('s')) {
    p.out(summaryText(sockstat(ns, p.host.machine)));
    if (!hasProto && states === undefined) return 0;
  }
  const protos: SsProto[] = hasProto ? (['u', 't'] as const).filter((f) => flags.has(f)).map((f) => (f === 't' ? 'tcp' : 'udp')) : ['udp', 'tcp'];
  const families: SockFamily[] = flags.has('4') === flags.has('6') ? ['inet', 'inet6'] : flags.has('4') ? ['inet'] : ['inet6'];
  const wanted = (proto: SsProto): readonly string[] => {
    if (states) return states;
    if (flags.has('a')) return TCP_STATES;
    if (flags.has('l')) return ['LISTEN', 'UNCONN'];
    return proto === 'tcp' ? CONNECTED : ['ESTAB'];
  };
  const shown = new Set(protos.flatMap(wanted));
  const names = portNames(p.host.readFile('/etc/services'), ns.sockets.localPortRange(), flags.has('n'));
  const users = flags.has('p') ? socketUsers(p.host.machine) : undefined;
  const body = protos.flatMap((proto) => families.flatMap((f) => rows(ns, proto, f)).filter((r) => wanted(proto).includes(r.state)).map((r) => cells(r, ns, names, users)));
  const enabled = [protos.length > 1, shown.size > 1, true, true, true, true, true, true, true];
  p.out(renderTable(enabled, body.map((r) => r.filter((_, i) => enabled[i])), p.isTty ? Number(p.env.get('COLUMNS') ?? 80) : undefined));
  return 0;
};
