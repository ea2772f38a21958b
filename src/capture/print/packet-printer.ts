// Layer capture (print): print.c's pretty_print_packet() for one capture: the packet number (-#), the
// timestamp, the link-layer printer (EN10MB or LINUX_SLL2), " [|proto]" when a printer ran past the
// captured bytes, then the -X/-x/-A dumps (without the link header unless doubled) and the newline.
// One PacketPrinter per capture: relative TCP sequence numbers and -ttt deltas carry across packets.

import { Nd, TRUNCATED } from './nd.js';
import { etherIfPrint, sll2IfPrint } from './print-ether.js';
import { asciiPrint, hexAndAsciiPrint, hexPrint } from './print-hex.js';
import type { PrintNames } from './print-names.js';
import type { PrintOptions } from './print-options.js';
import { TimestampPrinter } from './print-ts.js';

export type PrintLinktype = 'en10mb' | 'linux-sll2';

/** MAXIMUM_SNAPLEN in tcpdump and libpcap. */
const MAXIMUM_SNAPLEN = 262144;

export interface PrintRecord {
  readonly tsSec: number;
  readonly tsUsec: number;
  /** The captured bytes (caplen = data.length). */
  readonly data: Uint8Array;
  /** The length on the wire; defaults to data.length. */
  readonly origLen?: number;
}

export class PacketPrinter {
  private readonly nd: Nd;
  private readonly ts: TimestampPrinter;
  private count = 0;

  /** @example new PacketPrinter(opts, printNames({ nflag: 2 }), 'linux-sll2', 'Asia/Seoul').print(record) */
  constructor(
    readonly opts: PrintOptions,
    names: PrintNames,
    readonly linktype: PrintLinktype,
    timeZone: string,
  ) {
    this.nd = new Nd(opts, names);
    this.ts = new TimestampPrinter(opts.tflag, timeZone);
  }

  /** The text tcpdump writes for the record, newline included. */
  print(rec: PrintRecord): string {
    const nd = this.nd;
    const caplen = rec.data.length;
    const len = rec.origLen ?? caplen;
    this.count++;
    const number = this.opts.packetNumber ? `${String(this.count).padStart(5)}  ` : '';
    const invalid = invalidHeader(caplen, len);
    if (invalid) return `${number}${invalid}\n`;
    nd.begin(rec.data, caplen);
    nd.print(number + this.ts.format(rec.tsSec, rec.tsUsec));
    try {
      if (this.linktype === 'linux-sll2') sll2IfPrint(nd, len, caplen);
      else etherIfPrint(nd, len, caplen);
    } catch (e) {
      if (e !== TRUNCATED) throw e;
      nd.printTrunc();
      nd.llHdrLen = 0;
    }
    nd.popAll(caplen);
    this.dump(nd, caplen);
    return `${nd.out}\n`;
  }

  private dump(nd: Nd, caplen: number): void {
    const o = this.opts;
    const skip = nd.llHdrLen;
    const whole = (doubled: number) => doubled > 1;
    if (o.Xflag) {
      if (whole(o.Xflag)) hexAndAsciiPrint(nd, '\n\t', 0, caplen);
      else if (caplen > skip) hexAndAsciiPrint(nd, '\n\t', skip, caplen - skip);
    } else if (o.xflag) {
      if (whole(o.xflag)) hexPrint(nd, '\n\t', 0, caplen);
      else if (caplen > skip) hexPrint(nd, '\n\t', skip, caplen - skip);
    } else if (o.Aflag) {
      if (whole(o.Aflag)) asciiPrint(nd, 0, caplen);
      else if (caplen > skip) asciiPrint(nd, skip, caplen - skip);
    }
  }
}

/** The "[Invalid header: ...]" line for impossible lengths. */
function invalidHeader(caplen: number, len: number): string | undefined {
  const problems: string[] = [];
  if (caplen === 0) problems.push('caplen==0');
  if (len === 0) problems.push(' len==0');
  else if (len < caplen) problems.push(` len(${len}) < caplen(${caplen})`);
  if (caplen > MAXIMUM_SNAPLEN) problems.push(` caplen(${caplen}) > ${MAXIMUM_SNAPLEN}`);
  if (len > MAXIMUM_SNAPLEN) problems.push(` len(${len}) > ${MAXIMUM_SNAPLEN}`);
  if (problems.length === 0) return undefined;
  const [first, ...rest] = problems;
  const head = first === 'caplen==0' ? '[Invalid header: caplen==0' : `[Invalid header:${first}`;
  return `${head}${rest.map((p) => `,${p}`).join('')}]`;
}
