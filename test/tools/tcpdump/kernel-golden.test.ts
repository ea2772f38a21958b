// The printer on the real kernel's captures (test/golden/kernel, tcpdump 4.99.3 on Linux 6.18): printing
// router.pcap, with the kernel lab's interface names for its ifindexes, gives router-tcpdump.txt line for
// line, for the native-routing failure (eth1 In, eth0 Out) and the VXLAN tunnel (OTV lines).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PacketPrinter, captureRecords, openCapture, printNames, DEFAULT_PRINT_OPTIONS } from '../../../src/capture/index.js';

/** The kernel lab's router: eth1 (192.168.10.200), eth2 (192.168.20.200), eth0 (the NAT stand-in). */
const ROUTER_IFNAMES: Readonly<Record<number, string>> = { 1: 'lo', 2: 'eth1', 3: 'eth2', 4: 'eth0' };

function printGolden(mode: 'native' | 'tunnel'): string[] {
  const bytes = new Uint8Array(readFileSync(`test/golden/kernel/${mode}/router.pcap`));
  const opened = openCapture(bytes);
  if (!opened.ok) throw new Error(opened.error);
  const names = printNames({ nflag: 2, ifName: (i) => ROUTER_IFNAMES[i] });
  const printer = new PacketPrinter({ ...DEFAULT_PRINT_OPTIONS, nflag: 2 }, names, 'linux-sll2', 'UTC');
  return captureRecords(bytes, opened.header).records.map((r) => printer.print(r)).join('').split('\n').filter((l) => l);
}

function goldenLines(mode: 'native' | 'tunnel'): string[] {
  const text = readFileSync(`test/golden/kernel/${mode}/router-tcpdump.txt`, 'utf8');
  return text.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} |^(IP|ARP),? /.test(l));
}

describe("the printer on the kernel's router captures", () => {
  it('native routing: the lines of router-tcpdump.txt, eth1 In then eth0 Out', () => {
    const lines = printGolden('native');
    expect(lines).toEqual(goldenLines('native'));
    expect(lines.slice(0, 2).map((l) => l.slice(16, 26))).toEqual(['eth1  In  ', 'eth0  Out ']);
  });

  it('VXLAN tunnel: OTV, flags [I] (0x08), overlay 0, instance N with the inner packet on the next line', () => {
    const lines = printGolden('tunnel');
    expect(lines).toEqual(goldenLines('tunnel'));
    expect(lines[8]).toBe('03:16:23.912556 eth1  In  IP 192.168.10.100.41109 > 192.168.20.100.8472: OTV, flags [I] (0x08), overlay 0, instance 58696');
    expect(lines[9]).toBe('IP 172.20.0.217 > 172.20.1.224: ICMP echo request, id 7442, seq 1, length 64');
  });
});
