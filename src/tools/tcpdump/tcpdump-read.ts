// Layer tools (tcpdump): tcpdump -r FILE. "reading from file F, link-type ..., snapshot length N" on
// stderr (plus "Warning: interface names might be incorrect" for LINUX_SLL2, whose ifindexes are looked up
// on this host), the filter compiled for the file's link type, then every matching record, printed or
// (-w) written; a damaged file ends with pcap_loop's error and exit 1. "-r -" reads stdin.

import { FilterError, PacketPrinter, bytesToLatin1, capturePcap, captureRecords, compileFilter, latin1ToBytes, openCapture, type PrintLinktype } from '../../capture/index.js';
import type { ParsedPcapRecord } from '../../wire/index.js';
import type { Process } from '../process.js';
import type { TcpdumpEnv } from './tcpdump-env.js';
import type { TcpdumpOptions } from './tcpdump-options.js';
import { StdoutBuffer } from './tcpdump-output.js';
import { DLT_BY_VALUE } from './tcpdump-text.js';

const PRINTABLE: Readonly<Record<number, PrintLinktype>> = { 1: 'en10mb', 276: 'linux-sll2' };

async function fileBytes(p: Process, path: string): Promise<Uint8Array | undefined> {
  if (path === '-') return latin1ToBytes(await p.stdin.readAll());
  const text = p.host.readFile(path);
  return text === undefined ? undefined : latin1ToBytes(text);
}

export async function readSavefile(p: Process, o: TcpdumpOptions, path: string, expression: string, env: TcpdumpEnv): Promise<number> {
  const fail = (message: string) => (p.err(`tcpdump: ${message}\n`), 1);
  const bytes = await fileBytes(p, path);
  if (!bytes) return fail(`${path}: No such file or directory`);
  const opened = openCapture(bytes);
  if (!opened.ok) return fail(opened.error);
  const { linktype: dlt, snaplen } = opened.header;
  const [name, description] = DLT_BY_VALUE[dlt] ?? [];
  p.err(`reading from file ${path}, link-type ${name ? `${name} (${description})` : String(dlt)}, snapshot length ${snaplen}\n`);
  if (dlt === 276) p.err('Warning: interface names might be incorrect\n');
  const linktype = PRINTABLE[dlt];
  if (!linktype) return fail(`ciliumlab's tcpdump prints EN10MB and LINUX_SLL2 files only (this one is ${name ?? dlt})`);
  let filter;
  try {
    filter = compileFilter(expression, { dlt: linktype, names: env.filterNames, isSavefile: true, optimize: o.optimize });
  } catch (e) {
    if (e instanceof FilterError) return fail(e.message);
    throw e;
  }
  const { records, error } = captureRecords(bytes, opened.header);
  const out = new StdoutBuffer((t) => p.out(t), p.isTty || o.lflag);
  const printer = new PacketPrinter(o.print, env.printNames, linktype, env.timeZone);
  const isPrinting = !o.countMode && (!o.writeFile || o.isPrint);
  const kept: ParsedPcapRecord[] = [];
  for (const rec of records) {
    if (!filter.match({ data: rec.data, wirelen: rec.origLen })) continue;
    kept.push(rec);
    if (isPrinting) out.add(printer.print(rec));
    if (o.count > 0 && kept.length >= o.count) break;
  }
  if (o.writeFile) {
    const pcap = bytesToLatin1(capturePcap(linktype, snaplen, kept));
    if (o.writeFile === '-') out.add(pcap);
    else p.host.writeFile(o.writeFile, pcap);
  }
  if (o.countMode) out.add(`${kept.length} packet${kept.length === 1 ? '' : 's'}\n`);
  out.flush();
  const isCut = error !== undefined && !(o.count > 0 && kept.length >= o.count);
  return isCut ? fail(`pcap_loop: ${error}`) : 0;
}
