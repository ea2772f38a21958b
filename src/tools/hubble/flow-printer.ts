// Layer tools (hubble): hubble's flow printer (hubble/pkg/printer/printer.go, 1.18): compact lines
// ("<time>: <src> (ID:n) -> <dst> (ID:n) to-overlay FORWARDED (TCP Flags: SYN)", src and dst swapped with
// "<-" for replies, "<>" when unknown), dict blocks, the tab-aligned table, and jsonpb; colours as
// fatih/color prints them when enabled.

import { dropText, identityName, OBS_POINTS, reservedIdentityName, type Flow } from '../../observe/index.js';
import { Tabwriter } from '../kubectl/text/tabwriter.js';
import { getFlowsResponseJson } from './flow-json.js';
import { formatGoTime } from './go-time.js';

export type OutputFormat = 'compact' | 'dict' | 'table' | 'jsonpb';

export interface PrinterOptions {
  readonly output: OutputFormat;
  readonly timeFormat: string;
  readonly timeZone: string;
  readonly isColor: boolean;
  readonly isIpTranslation: boolean;
  readonly isNodeName: boolean;
}

const SGR = { red: 31, green: 32, yellow: 33, cyan: 36, magenta: 35 } as const;

/** GetFlowType. */
export function flowType(f: Flow): string {
  if (f.type === 'SOCK') return f.sockXlatePoint === 'SOCK_XLATE_POINT_PRE_DIRECTION_FWD' ? 'pre-xlate-fwd' : 'post-xlate-fwd';
  if (f.verdict === 'DROPPED') return dropText(f.eventType.subType);
  return OBS_POINTS[f.eventType.subType] ?? String(f.eventType.subType);
}

export class FlowPrinter {
  private line = 0;
  private readonly table: Tabwriter | undefined;

  constructor(
    private readonly o: PrinterOptions,
    private readonly out: (text: string) => void,
  ) {
    this.table = o.output === 'table' ? new Tabwriter(out, { minwidth: 2, tabwidth: 0, padding: 3, rememberWidths: false }) : undefined;
  }

  private color(c: keyof typeof SGR, text: string): string {
    return this.o.isColor && this.o.output !== 'table' ? `\x1b[${SGR[c]}m${text}\x1b[0m` : text;
  }

  /** Hostname: pod or service name when IP translation is on, the IP otherwise, ":port" unless 0. */
  private hostnames(f: Flow): [string, string] {
    if (!f.ip) return f.ethernet ? [this.color('cyan', f.ethernet.source), this.color('cyan', f.ethernet.destination)] : ['', ''];
    const port = (p: number | undefined) => (p === undefined || p === 0 || f.l4?.proto === 'ICMPv4' ? '' : String(p));
    const name = (ip: string, ns: string, pod: string, svc: string | undefined, p: string) => {
      let host = ip;
      if (this.o.isIpTranslation) {
        if (pod !== '') host = ns === '' ? pod : `${ns}/${pod}`;
        else if (svc !== undefined) host = ns === '' ? svc : `${ns}/${svc}`;
      }
      return this.color('cyan', p === '' ? host : `${host}:${this.color('yellow', p)}`);
    };
    const dstSvc = f.destinationService;
    return [
      name(f.ip.source, f.source.namespace, f.source.podName, undefined, port(f.l4?.sourcePort)),
      name(f.ip.destination, dstSvc && f.destination.podName === '' ? dstSvc.namespace : f.destination.namespace, f.destination.podName, dstSvc?.name, port(f.l4?.destinationPort)),
    ];
  }

  private identity(id: number): string {
    const name = reservedIdentityName(id);
    return this.color('magenta', name !== undefined ? `(${identityName(id)})` : `(ID:${id})`);
  }

  private verdict(f: Flow): string {
    const c = f.verdict === 'FORWARDED' ? 'green' : f.verdict === 'DROPPED' ? 'red' : 'yellow';
    return this.color(c, f.verdict);
  }

  private time(f: Flow): string {
    return formatGoTime(f.timeUs, this.o.timeZone, this.o.timeFormat);
  }

  write(f: Flow): void {
    switch (this.o.output) {
      case 'jsonpb':
        return this.out(`${getFlowsResponseJson(f)}\n`);
      case 'compact':
        return this.compact(f);
      case 'dict':
        return this.dict(f);
      case 'table':
        return this.tab(f);
    }
  }

  private compact(f: Flow): void {
    let [src, dst] = this.hostnames(f);
    let [srcId, dstId] = [this.identity(f.source.identity), this.identity(f.destination.identity)];
    let arrow = '->';
    if (f.isReply === undefined) arrow = '<>';
    else if (f.isReply) {
      [src, dst] = [dst, src];
      [srcId, dstId] = [dstId, srcId];
      arrow = '<-';
    }
    const node = this.o.isNodeName ? ` [${f.nodeName}]` : '';
    this.out(`${this.time(f)}${node}: ${src} ${srcId} ${arrow} ${dst} ${dstId} ${flowType(f)} ${this.verdict(f)} (${f.summary})\n`);
    this.line++;
  }

  private dict(f: Flow): void {
    const [src, dst] = this.hostnames(f);
    if (this.line !== 0) this.out('------------\n');
    let s = `  TIMESTAMP: ${this.time(f)}\n`;
    if (this.o.isNodeName) s += `       NODE: ${f.nodeName}\n`;
    s += `     SOURCE: ${src}\nDESTINATION: ${dst}\n       TYPE: ${flowType(f)}\n    VERDICT: ${this.verdict(f)}\n    SUMMARY: ${f.summary}\n`;
    this.out(s);
    this.line++;
  }

  private tab(f: Flow): void {
    const w = this.table;
    if (!w) return;
    const [src, dst] = this.hostnames(f);
    const node = this.o.isNodeName ? 'NODE\t' : '';
    if (this.line === 0) w.write(`TIMESTAMP\t${node}SOURCE\tDESTINATION\tTYPE\tVERDICT\tSUMMARY\n`);
    w.write(`${this.time(f)}\t${this.o.isNodeName ? `${f.nodeName}\t` : ''}${src}\t${dst}\t${flowType(f)}\t${f.verdict}\t${f.summary}\n`);
    this.line++;
  }

  /** Printer.Close: the table is written when the stream ends. */
  close(): void {
    this.table?.flush();
  }
}
