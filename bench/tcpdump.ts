// Benchmark: tcpdump's costs on a mix of lab traffic recorded as -i any (LINUX_SLL2) records: ICMP echoes,
// VXLAN on 8472 (two lines each), TCP with options and HTTP, DNS. Printing as `tcpdump -nn` (lines/s),
// writing the records as a pcap file as `tcpdump -w` does (MB/s), and the filter `udp port 8472` (packets/s).

import { parseIpv4, parseMac, type Ipv4Addr, type MacAddr } from '../src/addr/index.js';
import { DEFAULT_PRINT_OPTIONS, PacketPrinter, capturePcap, compileFilter, filterNames, printNames } from '../src/capture/index.js';
import {
  emitDns, emitEthernet, emitIcmp, emitIpv4, emitSll2, emitTcp, emitUdp, emitVxlan, icmpEcho, linuxSynOptions,
  ETH_P_IP, PACKET_HOST, PACKET_OUTGOING, TCP_ACK, TCP_PSH, TCP_SYN, type PcapRecord,
} from '../src/wire/index.js';

export interface TcpdumpBench {
  readonly linesPerSec: number;
  readonly pcapMBPerSec: number;
  readonly filterPacketsPerSec: number;
}

const a = (s: string) => parseIpv4(s) as Ipv4Addr;
const m = (s: string) => parseMac(s) as MacAddr;

function ip(src: string, dst: string, protocol: number, payload: Uint8Array): Uint8Array {
  return emitIpv4({ tos: 0, id: 4660, df: true, mf: false, fragOffset: 0, ttl: 63, protocol, src: a(src), dst: a(dst) }, payload);
}

/** One of each kind the lab carries, as IPv4 packets. */
function packets(): Uint8Array[] {
  const pod = { src: a('172.20.0.217'), dst: a('172.20.1.224') };
  const echo = ip('172.20.0.217', '172.20.1.224', 1, emitIcmp(icmpEcho('request', 99, 1), new Uint8Array(56)));
  const inner = emitEthernet({ dst: m('16:9c:cc:23:b7:fb'), src: m('06:0a:3d:56:ac:5d'), ethertype: ETH_P_IP }, echo);
  const vxlan = ip('192.168.10.100', '192.168.20.100', 17, emitUdp({ srcPort: 41429, dstPort: 8472, checksum: 0 }, emitVxlan({ vni: 58696 }, inner), { src: a('192.168.10.100'), dst: a('192.168.20.100') }));
  const syn = ip('172.20.0.217', '172.20.1.224', 6, emitTcp({ srcPort: 48266, dstPort: 80, seq: 1835329234, ack: 0, flags: TCP_SYN, window: 64240, urgentPointer: 0, options: linuxSynOptions(1460, 2662020805, 0, 7) }, new Uint8Array(0), pod));
  const get = Uint8Array.from('GET / HTTP/1.1\r\nHost: webpod\r\nUser-Agent: curl/8.14.1\r\nAccept: */*\r\n\r\n', (c) => c.charCodeAt(0));
  const http = ip('172.20.0.217', '172.20.1.224', 6, emitTcp({ srcPort: 48266, dstPort: 80, seq: 1835329235, ack: 1, flags: TCP_ACK | TCP_PSH, window: 502, urgentPointer: 0, options: [{ kind: 'nop' }, { kind: 'nop' }, { kind: 'timestamps', tsval: 1, tsecr: 2 }] }, get, pod));
  const name = 'webpod.default.svc.cluster.local.';
  const query = emitDns({ id: 4660, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, ad: false, cd: false, rcode: 0, questions: [{ name, type: 1, class: 1 }], answers: [], authorities: [], additionals: [] });
  const dns = ip('172.20.0.217', '10.96.0.10', 17, emitUdp({ srcPort: 40000, dstPort: 53 }, query, { src: a('172.20.0.217'), dst: a('10.96.0.10') }));
  return [echo, vxlan, syn, http, dns, vxlan];
}

function records(n: number): PcapRecord[] {
  const kinds = packets();
  return Array.from({ length: n }, (_, i) => {
    const data = emitSll2({ protocol: ETH_P_IP, ifindex: 2 + (i % 2), hatype: 1, pkttype: i % 2 ? PACKET_OUTGOING : PACKET_HOST, addr: new Uint8Array([8, 0, 0x27, 0, 0, i & 0xff]) }, kinds[i % kinds.length] ?? new Uint8Array(0));
    return { tsSec: 1754221038 + Math.floor(i / 1000), tsUsec: (i * 997) % 1_000_000, data };
  });
}

/** @example const b = benchTcpdump(20_000); console.log(`${b.linesPerSec} lines/s`) */
export function benchTcpdump(n: number): TcpdumpBench {
  const recs = records(n);
  const names = printNames({ nflag: 2, ifName: (i) => (i === 2 ? 'eth1' : 'eth2') });
  const printer = new PacketPrinter({ ...DEFAULT_PRINT_OPTIONS, nflag: 2 }, names, 'linux-sll2', 'Asia/Seoul');
  let lines = 0;
  let t = performance.now();
  for (const r of recs) {
    const text = printer.print(r);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  }
  const linesPerSec = lines / ((performance.now() - t) / 1000);
  t = performance.now();
  const pcap = capturePcap('linux-sll2', 262144, recs);
  const pcapMBPerSec = pcap.length / 1e6 / ((performance.now() - t) / 1000);
  const filter = compileFilter('udp port 8472', { dlt: 'linux-sll2', names: filterNames({}), isSavefile: false });
  t = performance.now();
  let matched = 0;
  for (const r of recs) if (filter.match({ data: r.data, wirelen: r.data.length })) matched++;
  const filterPacketsPerSec = recs.length / ((performance.now() - t) / 1000);
  if (matched === 0) throw new Error('the filter matched nothing');
  return { linesPerSec, pcapMBPerSec, filterPacketsPerSec };
}
