// Layer tools (tcpdump): a live capture, in tcpdump.c's order: open the interface ("No such device exists",
// "That device is not up"), "data link type LINUX_SLL2" for any*, compile the filter, "listening on ...",
// then print (or -w write) each packet as it passes until -c is reached, Ctrl-C (a newline on stdout),
// or the interface disappears; the closing counts go to stderr. With --pcap DIR every capture is also
// handed to the session's pcap sink.

import { FilterError, LiveCapture, PacketPrinter, bytesToLatin1, compileFilter, nextCaptureFileName, pcapLinktype, type CaptureRecord, type PrintLinktype } from '../../capture/index.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Netns } from '../../net/netns.js';
import { PcapWriter } from '../../wire/index.js';
import type { Process } from '../process.js';
import type { TcpdumpEnv } from './tcpdump-env.js';
import { MAXIMUM_SNAPLEN, type TcpdumpOptions } from './tcpdump-options.js';
import { StdoutBuffer } from './tcpdump-output.js';
import { closingCounts, linktypeText, LINKTYPE_NAMES } from './tcpdump-text.js';

type Opened = { readonly device: NetDevice | undefined; readonly name: string; readonly linktype: PrintLinktype } | { readonly error: string };

/** pcap_findalldevs()'s order: up and running non-loopback interfaces first, loopback last. */
function defaultDevice(netns: Netns): NetDevice | undefined {
  const devs = [...netns.devices.values()].sort((a, b) => a.ifindex - b.ifindex);
  return devs.find((d) => d.isUp && d.hasCarrier && d.kind !== 'loopback') ?? devs.find((d) => d.isUp) ?? devs[0];
}

/** open_interface(): the device (or "any"), its link type, or libpcap's error. */
function openInterface(netns: Netns, requested: string | undefined, linktypeName: string | undefined): Opened {
  const name = requested ?? defaultDevice(netns)?.name ?? 'any';
  const isAny = name === 'any';
  const device = isAny ? undefined : netns.dev(name);
  if (!isAny && !device) return { error: `${name}: No such device exists\n(No such device exists)` };
  if (device && !device.isUp) return { error: `${name}: That device is not up` };
  const linktype: PrintLinktype = isAny ? 'linux-sll2' : 'en10mb';
  if (linktypeName !== undefined && linktypeName.toUpperCase() !== LINKTYPE_NAMES[linktype]) return { error: `${linktypeName.toUpperCase()} is not one of the DLTs supported by this device` };
  return { device, name, linktype };
}

export async function liveCapture(p: Process, o: TcpdumpOptions, expression: string, env: TcpdumpEnv): Promise<number> {
  const fail = (message: string) => (p.err(`tcpdump: ${message}\n`), 1);
  const netns = p.host.netns;
  if (!netns) return fail('socket: Operation not permitted');
  const opened = openInterface(netns, o.device, o.linktypeName);
  if ('error' in opened) return fail(opened.error);
  const { device, name, linktype } = opened;
  if (name.startsWith('any') || o.linktypeName !== undefined) p.err(`tcpdump: data link type ${LINKTYPE_NAMES[linktype]}\n`);
  let filter;
  try {
    filter = compileFilter(expression, { dlt: linktype, names: env.filterNames, isSavefile: false, optimize: o.optimize });
  } catch (e) {
    if (e instanceof FilterError) return fail(e.message);
    throw e;
  }
  const snaplen = o.snaplen || MAXIMUM_SNAPLEN;
  const isVerboseHeader = o.print.vflag > 0 || o.writeFile !== undefined;
  p.err(`${isVerboseHeader ? 'tcpdump: ' : 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n'}listening on ${name}, ${linktypeText(linktype)}, snapshot length ${snaplen} bytes\n`);
  const out = new StdoutBuffer((t) => p.out(t), p.isTty || o.lflag);
  const printer = new PacketPrinter(o.print, env.printNames, linktype, env.timeZone);
  const writer = o.writeFile !== undefined || p.pcapSink ? new PcapWriter({ linktype: pcapLinktype(linktype), snaplen }) : undefined;
  const isPrinting = !o.writeFile || o.isPrint;
  let captured = 0;
  const onRecord = (rec: CaptureRecord) => {
    captured++;
    writer?.write(rec);
    if (isPrinting) out.add(printer.print(rec));
    if (o.count > 0 && captured >= o.count) capture.stop();
  };
  const capture = new LiveCapture({ netns, device, snaplen, isPromisc: o.isPromisc, direction: o.direction, filter, epochUs: env.epochUs, onRecord });
  let isInterrupted = false;
  p.onInterrupt(() => {
    isInterrupted = true;
    capture.stop();
  });
  capture.start();
  const hasDisappeared = () => device !== undefined && device.netns !== netns;
  await p.until(() => !capture.isRunning || hasDisappeared());
  capture.stop();
  if (isInterrupted && !o.writeFile) out.add('\n');
  out.flush();
  if (hasDisappeared()) p.err('tcpdump: pcap_loop: The interface disappeared\n');
  p.err(closingCounts(captured, capture.received));
  if (writer) {
    const pcap = writer.finish();
    if (o.writeFile === '-') p.out(bytesToLatin1(pcap));
    else if (o.writeFile !== undefined) p.host.writeFile(o.writeFile, bytesToLatin1(pcap));
    p.pcapSink?.write(nextCaptureFileName(netns.ctx, p.host.name, name), pcap);
  }
  return hasDisappeared() ? 1 : 0;
}
