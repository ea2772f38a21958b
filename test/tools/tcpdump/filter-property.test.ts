// Property: random filter expressions of the kinds people type (protocols, hosts, nets, ports, port
// ranges, proto, lengths, byte tests, direction and interface on SLL2, geneve, vlan; and/or/not,
// parentheses, values inheriting qualifiers) select exactly the records real libpcap selects from a
// corpus of random lab frames, or fail with libpcap's message ("expression rejects all packets" included).
// FILTER_EXPRS and FILTER_SEED run more or other expressions.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FilterError, capturePcap, compileFilter, filterNames, type PrintLinktype } from '../../../src/capture/index.js';
import { emitSll2, type PcapRecord } from '../../../src/wire/index.js';
import { PacketGen, Rng } from './packet-gen.js';
import { PRINTS_OTV, SKIP_NO_TCPDUMP, TCPDUMP, realSelection, withTempDir } from './real-tools.js';

const FRAMES = 600;
const EXPRESSIONS = Number(process.env.FILTER_EXPRS ?? 250);

function corpus(linktype: PrintLinktype): PcapRecord[] {
  const gen = new PacketGen(new Rng(99), { otv: PRINTS_OTV });
  const r = new Rng(5);
  return Array.from({ length: FRAMES }, (_, i) => {
    const f = gen.frame();
    const data = linktype === 'en10mb' ? f : emitSll2({ protocol: ((f[12] ?? 0) << 8) | (f[13] ?? 0), ifindex: r.int(1, 4), hatype: 1, pkttype: r.pick([0, 1, 2, 3, 4]), addr: f.subarray(6, 12) }, f.subarray(14));
    return { tsSec: i, tsUsec: 0, data };
  });
}

/** Values that occur in the corpus, so the primitives select something. */
function values(recs: readonly PcapRecord[], linktype: PrintLinktype): { addrs: string[]; ports: number[] } {
  const base = linktype === 'en10mb' ? 14 : 20;
  const addrs = new Set<string>();
  const ports = new Set<number>();
  for (const { data: d } of recs) {
    const type = linktype === 'en10mb' ? ((d[12] ?? 0) << 8) | (d[13] ?? 0) : ((d[0] ?? 0) << 8) | (d[1] ?? 0);
    if (type !== 0x0800) continue;
    addrs.add([12, 13, 14, 15].map((i) => d[base + i]).join('.'));
    const l4 = base + ((d[base] ?? 0) & 0x0f) * 4;
    ports.add(((d[l4 + 2] ?? 0) << 8) | (d[l4 + 3] ?? 0));
  }
  return { addrs: [...addrs].slice(0, 40), ports: [...ports].slice(0, 40) };
}

class ExprGen {
  constructor(
    private readonly r: Rng,
    private readonly v: { addrs: string[]; ports: number[] },
    private readonly linktype: PrintLinktype,
  ) {}

  primitive(): string {
    const r = this.r;
    const a = () => r.pick(this.v.addrs);
    const p = () => r.pick([...this.v.ports, 53, 80, 8472, 4789, 6081]);
    const dir = () => r.pick(['', '', 'src ', 'dst ', 'src or dst ', 'src and dst ']);
    const net = () => {
      const len = r.pick([8, 16, 24, 12, 30]);
      const n = (a().split('.').reduce((x, o) => ((x << 8) | Number(o)) >>> 0, 0) & (0xffffffff << (32 - len))) >>> 0;
      return `${[24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.')}/${len}`;
    };
    const choices: Array<() => string> = [
      () => r.pick(['icmp', 'udp', 'tcp', 'arp', 'ip', 'ip6', 'rarp', 'ip multicast', 'ip broadcast', 'sctp', 'igmp']),
      () => `${dir()}host ${a()}`,
      () => `${r.pick(['', 'ip ', 'arp '])}${dir()}host ${a()}`,
      () => `${dir()}net ${net()}`,
      () => `${r.pick(['', 'tcp ', 'udp '])}${dir()}port ${p()}`,
      () => `${r.pick(['', 'tcp ', 'udp '])}portrange ${p()}-${p()}`,
      () => `ip proto ${r.pick([1, 6, 17, 99, '\\udp', '\\icmp'])}`,
      () => `proto \\${r.pick(['tcp', 'udp', 'icmp'])}`,
      () => `${r.pick(['less', 'greater'])} ${r.int(40, 1500)}`,
      () => `len ${r.pick(['>', '<', '>=', '<=', '=', '!='])} ${r.int(40, 1500)}`,
      () => `ip[8] ${r.pick(['<', '>', '='])} ${r.pick([1, 63, 64, 128])}`,
      () => `tcp[tcpflags] & (${r.pick(['tcp-syn', 'tcp-fin', 'tcp-ack', 'tcp-rst', 'tcp-syn|tcp-ack'])}) != 0`,
      () => `icmp[icmptype] ${r.pick(['=', '!='])} ${r.pick(['icmp-echo', 'icmp-echoreply', 'icmp-unreach', 'icmp-timxceed'])}`,
      () => `udp[${r.pick([0, 2])}:2] ${r.pick(['=', '>', '<'])} ${p()}`,
      () => `ip[0] & 0xf ${r.pick(['>', '='])} 5`,
      () => `ip[2:2] - ${r.int(0, 100)} ${r.pick(['>', '<'])} ${r.int(20, 800)}`,
      () => `ip[6:2] & 0x1fff != 0`,
      () => `udp[8] & 0x08 != 0 and udp dst port ${r.pick([8472, 4789])}`,
      () => (this.linktype === 'en10mb' ? r.pick(['ether broadcast', 'ether multicast', 'vlan', 'ether[0] & 1 = 1', 'ether proto \\arp']) : r.pick(['inbound', 'outbound', `ifindex ${r.int(1, 4)}`, 'ether[10] = 4', 'ether host 1:2:3:4:5:6', 'ether broadcast'])),
      () => `${r.pick(['host', 'port', 'src port'])} ${r.pick([() => `${a()} or ${a()}`, () => `${p()} or ${p()}`, () => `(${a()} or ${a()})`])()}`,
    ];
    return r.pick(choices)();
  }

  /**
   * An expression; geneve only last and ANDed in: after it, primitives read the inner headers through
   * scratch memory that only a matching geneve fills (libpcap leaves it uninitialised otherwise).
   */
  top(): string {
    const r = this.r;
    if (!r.chance(0.15)) return this.expr();
    const geneve = `geneve${r.chance(0.5) ? '' : ` ${r.int(0, 100)}`}${r.chance(0.6) ? ` and ${r.pick(['icmp', 'arp', 'udp', 'tcp', 'ip', 'host 172.20.0.1', 'port 53'])}` : ''}`;
    return r.chance(0.5) ? geneve : `${this.expr(1)} and ${geneve}`;
  }

  expr(depth = 0): string {
    const r = this.r;
    if (depth > 2 || r.chance(0.45)) return `${r.chance(0.15) ? r.pick(['not ', '!']) : ''}${this.primitive()}`;
    const op = r.pick([' and ', ' or ', ' && ', ' || ']);
    const left = this.expr(depth + 1);
    const right = this.expr(depth + 1);
    return r.chance(0.3) ? `(${left})${op}${r.chance(0.2) ? 'not ' : ''}(${right})` : `${left}${op}${right}`;
  }
}

function emulatedSelection(expr: string, linktype: PrintLinktype, recs: readonly PcapRecord[]): number[] | string {
  try {
    const f = compileFilter(expr, { dlt: linktype, names: filterNames({ hosts: '' }), isSavefile: true });
    return recs.flatMap((r, i) => (f.match({ data: r.data, wirelen: r.data.length }) ? [i] : []));
  } catch (e) {
    if (e instanceof FilterError) return e.message;
    throw e;
  }
}

describe.skipIf(!TCPDUMP)(`random filters select what libpcap selects${SKIP_NO_TCPDUMP}`, () => {
  for (const linktype of ['en10mb', 'linux-sll2'] as const) {
    it(`${EXPRESSIONS} expressions over ${FRAMES} ${linktype} frames`, () => {
      const recs = corpus(linktype);
      const gen = new ExprGen(new Rng((linktype === 'en10mb' ? 17 : 31) + Number(process.env.FILTER_SEED ?? 0)), values(recs, linktype), linktype);
      withTempDir((dir) => {
        const file = join(dir, 'corpus.pcap');
        writeFileSync(file, capturePcap(linktype, 262144, recs));
        const mismatches: string[] = [];
        for (let i = 0; i < EXPRESSIONS; i++) {
          const expr = gen.top();
          const want = realSelection(file, expr);
          const got = emulatedSelection(expr, linktype, recs);
          if (JSON.stringify(want) !== JSON.stringify(got)) mismatches.push(`${expr}\n  libpcap:   ${JSON.stringify(want)}\n  ciliumlab: ${JSON.stringify(got)}`);
        }
        expect(mismatches).toEqual([]);
      });
    });
  }
});
