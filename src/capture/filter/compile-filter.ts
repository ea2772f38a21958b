// Layer capture (filter): pcap_compile() for the two link types a lab capture has. The expression is
// tokenized, parsed with libpcap's grammar and qualifier rules, checked as the optimizer would ("expression
// rejects all packets"), and turned into a matcher that selects exactly the packets libpcap's BPF would.
// Errors are FilterError with libpcap's message.

import { FilterError } from './filter-error.js';
import { toPred } from './filter-ir.js';
import { tokenize } from './filter-lexer.js';
import { CompileState, type Dlt } from './filter-link.js';
import type { FilterNames } from './filter-names.js';
import { FilterParser } from './filter-parser.js';
import type { FilterPacket } from './filter-program.js';
import { runFilter } from './filter-run.js';
import { rejectsAll } from './filter-sat.js';

export interface CompiledFilter {
  readonly expression: string;
  match(pkt: FilterPacket): boolean;
}

export interface FilterCompileOptions {
  readonly dlt: Dlt;
  readonly names: FilterNames;
  /** Reading a savefile (-r): socket metadata is not available. */
  readonly isSavefile: boolean;
  /** tcpdump -O turns the optimizer, and with it "rejects all packets", off. */
  readonly optimize?: boolean;
  readonly netmask?: number;
}

/**
 * @example compileFilter('udp port 8472', { dlt: 'linux-sll2', names: filterNames({}), isSavefile: false }).match({ data, wirelen: data.length })
 * @throws FilterError with libpcap's message
 */
export function compileFilter(expression: string, opts: FilterCompileOptions): CompiledFilter {
  const cs = new CompileState({ dlt: opts.dlt, names: opts.names, isSavefile: opts.isSavefile, netmask: opts.netmask ?? 0 });
  const node = new FilterParser(tokenize(expression), cs).parseProgram();
  if ((opts.optimize ?? true) && cs.isOptimized && rejectsAll(node)) throw new FilterError('expression rejects all packets');
  const pred = toPred(node);
  return { expression, match: (pkt) => runFilter(pred, pkt) };
}
