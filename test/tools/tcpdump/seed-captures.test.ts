// The seed's captures, made in the lab and read back by the real tools: the failing native ping and the
// VXLAN ping on the router (tcpdump -i any -w ... --print), and a curl through the webpod Service with its
// DNS lookup on k8s-ctr. Real `tcpdump -r` (TZ at the lab's offset, the host's interfaces recreated)
// prints exactly what ciliumlab printed, for -nn, -e, -v, -vv and names; tshark finds no malformed
// packet and no bad checksum.

import { beforeAll, describe, expect, it } from 'vitest';
import { PingEngine } from '../../../src/apps/ping/ping-engine.js';
import { DEFAULT_PRINT_OPTIONS, LiveCapture, PacketPrinter, capturePcap, captureRecords, latin1ToBytes, openCapture, printNames, type CaptureRecord, type PrintOptions } from '../../../src/capture/index.js';
import type { Lab } from '../../../src/lab/index.js';
import { zoneOffsetMinutes } from '../../../src/lab/wall-clock.js';
import { commands as netClients } from '../../../src/tools/net-clients/index.js';
import { commands } from '../../../src/tools/tcpdump/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { switchToVxlan, webpodOn, week4 } from '../../support/week4.js';
import { EXACT_INTERFACES, PRINTS_OTV, SKIP_NO_TCPDUMP, SKIP_NO_TSHARK, TCPDUMP, TSHARK, normaliseInterfaces, realTcpdump, tsharkProblems } from './real-tools.js';

interface Capture {
  readonly host: string;
  readonly pcap: Uint8Array;
  /** What ciliumlab's tcpdump printed while capturing (-nn). */
  readonly printed: string[];
}

const FLAG_SETS: readonly (readonly string[])[] = [['-nn'], ['-nn', '-e'], ['-nn', '-v'], ['-nn', '-vv'], ['-nn', '-vvv', '-e', '-X']];

function interfaces(lab: Lab, host: string) {
  return [...lab.netns(host).devices.values()].map((d) => ({ name: d.name, ifindex: d.ifindex }));
}

/** tcpdump -i any -nn -w FILE --print FILTER on `host` while `traffic` runs; the pcap and the printed lines. */
async function toolCapture(lab: Lab, host: string, filter: readonly string[], traffic: () => void): Promise<Capture> {
  const files: Record<string, string> = {};
  const h = hostOf(lab, host, files);
  lab.scheduler.after(200_000, traffic);
  const r = await runTool(lab, commands['tcpdump']!, h, ['tcpdump', '-i', 'any', '-nn', '-w', '/root/seed.pcap', '--print', ...filter], { interruptAfterUs: 4_000_000 });
  return { host, pcap: latin1ToBytes(h.readFile('/root/seed.pcap') ?? ''), printed: r.stdout.replace(/\n$/, '').split('\n') };
}

/** The capture library around a command that runs in a pod (curl, dig). */
async function libraryCapture(lab: Lab, host: string, pod: string, tool: string, argv: readonly string[]): Promise<Capture> {
  const netns = lab.netns(host);
  const recs: CaptureRecord[] = [];
  const cap = new LiveCapture({ netns, device: undefined, snaplen: 262144, isPromisc: false, direction: 'inout', epochUs: lab.spec.clock.startUnixMs * 1000, onRecord: (r) => recs.push(r) });
  cap.start();
  await runTool(lab, netClients[tool]!, hostOf(lab, pod), [tool, ...argv]);
  cap.stop();
  const printer = new PacketPrinter({ ...DEFAULT_PRINT_OPTIONS, nflag: 2 }, printNames({ nflag: 2, ifName: (i) => netns.devices.get(i)?.name }), 'linux-sll2', lab.spec.clock.timezone);
  return { host, pcap: capturePcap('linux-sll2', 262144, recs), printed: recs.map((r) => printer.print(r)).join('').replace(/\n$/, '').split('\n') };
}

function printWith(lab: Lab, c: Capture, opts: PrintOptions): string[] {
  const opened = openCapture(c.pcap);
  if (!opened.ok) throw new Error(opened.error);
  const netns = lab.netns(c.host);
  const printer = new PacketPrinter(opts, printNames({ nflag: opts.nflag, hosts: '', ifName: (i) => netns.devices.get(i)?.name }), 'linux-sll2', lab.spec.clock.timezone);
  return captureRecords(c.pcap, opened.header).records.map((r) => printer.print(r)).join('').replace(/\n$/, '').split('\n');
}

function options(flags: readonly string[]): PrintOptions {
  const letters = flags.join('').replace(/-/g, '');
  const n = (ch: string) => letters.split('').filter((x) => x === ch).length;
  return { ...DEFAULT_PRINT_OPTIONS, nflag: n('n'), eflag: n('e'), vflag: n('v'), Xflag: n('X') };
}

describe('the seed\'s captures', () => {
  let lab: Lab;
  const captures: Record<string, Capture> = {};
  beforeAll(async () => {
    lab = week4();
    const ping = (dst: number) => () => void new PingEngine(lab.netns('curl-pod'), { dst: dst as never, ident: 99, count: 1, deadlineS: 1 }, () => undefined).start();
    captures['native'] = await toolCapture(lab, 'router', ['icmp'], ping(webpodOn(lab, 'k8s-w0')));
    switchToVxlan(lab);
    captures['vxlan'] = await toolCapture(lab, 'router', ['udp', 'port', '8472'], ping(webpodOn(lab, 'k8s-w0')));
    captures['curl'] = await libraryCapture(lab, 'k8s-ctr', 'curl-pod', 'curl', ['-s', '--max-time', '5', 'webpod']);
    captures['dns'] = await libraryCapture(lab, 'k8s-ctr', 'curl-pod', 'dig', ['-t', 'A', 'webpod.default.svc.cluster.local']);
  }, 120_000);

  it('contain what the seed shows: eth1 In then eth0 Out; OTV lines; a TCP handshake and HTTP; DNS queries and answers', () => {
    expect(captures['native']?.printed.map((l) => l.slice(16, 26))).toEqual(['eth1  In  ', 'eth0  Out ']);
    expect(captures['vxlan']?.printed.filter((l) => / OTV, flags \[I\] \(0x08\), overlay 0, instance \d+$/.test(l))).toHaveLength(4);
    const curl = captures['curl']?.printed.join('\n') ?? '';
    expect(curl).toMatch(/Flags \[S\], seq \d+, win 64860, options \[mss 1410,sackOK,TS val \d+ ecr 0,nop,wscale 7\], length 0/);
    expect(curl).toMatch(/Flags \[S\.\], seq \d+, ack \d+, win \d+, options \[mss \d+,sackOK,TS val \d+ ecr \d+,nop,wscale \d+\], length 0/);
    expect(curl).toMatch(/: HTTP: GET \/ HTTP\/1\.1$/m);
    expect(curl).toMatch(/: HTTP: HTTP\/1\.1 200 OK$/m);
    expect(curl).toMatch(/\.53: \d+\+ A\? webpod\.default\.svc\.cluster\.local\. \(\d+\)$/m);
    expect(captures['dns']?.printed.join('\n')).toMatch(/\.53 > 172\.20\.0\.\d+\.\d+: \d+\*- 1\/0\/[01] A 10\.96\.\d+\.\d+ \(\d+\)$/m);
  });

  describe.skipIf(!TCPDUMP)(`real tcpdump -r prints them as ciliumlab does${SKIP_NO_TCPDUMP}${EXACT_INTERFACES ? '' : ' (interface names compared normalised: no network namespaces here)'}`, () => {
    for (const name of ['native', 'vxlan', 'curl', 'dns']) {
      it.skipIf(name === 'vxlan' && !PRINTS_OTV)(`${name}: the text ciliumlab printed live, then ${FLAG_SETS.map((f) => f.join(' ')).join('; ')}`, () => {
        const c = captures[name];
        if (!c) throw new Error(`no ${name} capture`);
        const tz = zoneOffsetMinutes(lab.wallMs, lab.spec.clock.timezone);
        const real = (flags: readonly string[]) => normaliseInterfaces(realTcpdump(c.pcap, flags, { tzOffsetMinutes: tz, interfaces: interfaces(lab, c.host) }));
        expect(normaliseInterfaces(c.printed)).toEqual(real(['-nn']));
        for (const flags of FLAG_SETS) expect(normaliseInterfaces(printWith(lab, c, options(flags)))).toEqual(real(flags));
      });
    }
  });

  describe.skipIf(!TSHARK)(`tshark reads them${SKIP_NO_TSHARK}`, () => {
    for (const name of ['native', 'vxlan', 'curl', 'dns']) {
      it(`${name}: no malformed packet, no bad IPv4/UDP/TCP/ICMP checksum`, () => {
        const c = captures[name];
        if (!c) throw new Error(`no ${name} capture`);
        expect(c.pcap.length).toBeGreaterThan(24);
        expect(tsharkProblems(c.pcap)).toEqual([]);
      });
    }
  });
});
