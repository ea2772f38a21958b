// Property: for a few thousand random frames built with src/wire's emitters (ARP, ICMP of every kind, UDP,
// DNS, TCP with options and HTTP, VXLAN/Geneve around inner frames, bad checksums, padding, fragments),
// written to pcap (EN10MB and LINUX_SLL2), real tcpdump's text equals ciliumlab's printer's text, line for
// line, for the flags people use (-nn, -v, -vv, -vvv -e, -e, -q, -x, -X, -A, -S, -tt, -ttt, and names).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_OPTIONS, PacketPrinter, capturePcap, printNames, type PrintLinktype, type PrintOptions } from '../../../src/capture/index.js';
import { emitSll2, PACKET_HOST, PACKET_OUTGOING, PACKET_BROADCAST, PACKET_MULTICAST, PACKET_OTHERHOST, type PcapRecord } from '../../../src/wire/index.js';
import { PacketGen, Rng } from './packet-gen.js';
import { EXACT_INTERFACES, PRINTS_OTV, SKIP_NO_TCPDUMP, TCPDUMP, normaliseInterfaces, realTcpdump, type Interface } from './real-tools.js';

const FRAMES = 2500;
const INTERFACES: readonly Interface[] = [{ name: 'lo', ifindex: 1 }, { name: 'eth0', ifindex: 2 }, { name: 'eth1', ifindex: 3 }, { name: 'lxc1a2b3c4d5e6f', ifindex: 9 }, { name: 'cilium_vxlan', ifindex: 7 }];

function frames(seed: number): Uint8Array[] {
  const gen = new PacketGen(new Rng(seed), { otv: PRINTS_OTV });
  return Array.from({ length: FRAMES }, () => gen.frame());
}

function records(linktype: PrintLinktype, seed: number): PcapRecord[] {
  const r = new Rng(seed * 7 + 1);
  return frames(seed).map((f, i) => {
    const data = linktype === 'en10mb' ? f : emitSll2({ protocol: ((f[12] ?? 0) << 8) | (f[13] ?? 0), ifindex: r.pick(INTERFACES).ifindex, hatype: 1, pkttype: r.pick([PACKET_HOST, PACKET_OUTGOING, PACKET_BROADCAST, PACKET_MULTICAST, PACKET_OTHERHOST]), addr: f.subarray(6, 12) }, f.subarray(14));
    return { tsSec: 1754221038 + i * 3, tsUsec: r.int(0, 999999), data };
  });
}

function flagOptions(flags: readonly string[]): PrintOptions {
  const letters = flags.filter((f) => /^-[a-zA-Z#]+$/.test(f)).join('');
  const n = (c: string) => letters.split('').filter((x) => x === c).length;
  return { ...DEFAULT_PRINT_OPTIONS, vflag: n('v'), eflag: n('e'), nflag: n('n'), qflag: n('q'), Sflag: n('S'), tflag: n('t'), xflag: n('x'), Xflag: n('X'), Aflag: n('A'), packetNumber: n('#') > 0 };
}

function emulated(linktype: PrintLinktype, recs: readonly PcapRecord[], flags: readonly string[]): string[] {
  const opts = flagOptions(flags);
  const names = printNames({ nflag: opts.nflag, services: readFileSync('/etc/services', 'utf8'), hosts: readFileSync('/etc/hosts', 'utf8'), ifName: (i) => INTERFACES.find((x) => x.ifindex === i)?.name });
  const printer = new PacketPrinter(opts, names, linktype, 'Asia/Seoul');
  return recs.map((r) => printer.print(r)).join('').replace(/\n$/, '').split('\n');
}

const FLAG_SETS: readonly (readonly string[])[] = [
  ['-nn'], ['-nn', '-v'], ['-nn', '-vv'], ['-nn', '-vvv', '-e'], ['-nn', '-e'], ['-q', '-nn'], ['-nn', '-x'], ['-nn', '-X'],
  ['-nn', '-A'], ['-nn', '-S'], ['-nn', '-tt'], ['-nn', '-ttt'], ['-n', '-XX'], ['-nn', '-#'],
];

describe.skipIf(!TCPDUMP)(`real tcpdump prints random lab frames as ciliumlab does${SKIP_NO_TCPDUMP}`, () => {
  for (const linktype of ['en10mb', 'linux-sll2'] as const) {
    const recs = records(linktype, linktype === 'en10mb' ? 11 : 23);
    const pcap = capturePcap(linktype, 262144, recs);
    for (const flags of FLAG_SETS) {
      it(`${linktype} ${flags.join(' ')}`, () => {
        const want = realTcpdump(pcap, flags, { tzOffsetMinutes: 540, interfaces: INTERFACES });
        expect(normaliseInterfaces(emulated(linktype, recs, flags))).toEqual(normaliseInterfaces(want));
      });
    }
    it.skipIf(!EXACT_INTERFACES)(`${linktype} with names (no -n): /etc/services ports, "(oui ...)", Broadcast`, () => {
      const flags = ['-e'];
      expect(emulated(linktype, recs, flags)).toEqual(realTcpdump(pcap, flags, { tzOffsetMinutes: 540, interfaces: INTERFACES }));
    });
  }
});
