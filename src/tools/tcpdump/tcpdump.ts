// Layer tools (tcpdump): the tcpdump command (4.99.4 on the lab's Ubuntu VMs). Parses the command line as
// getopt_long does, answers -h and --version, then reads a savefile (-r) or captures live in the host's
// network namespace. Errors print "tcpdump: ..." and exit 1; a bad option also prints the usage.

import type { Tool } from '../process.js';
import { parseArgs } from './tcpdump-args.js';
import { tcpdumpEnv } from './tcpdump-env.js';
import { liveCapture } from './tcpdump-live.js';
import { interpretOptions } from './tcpdump-options.js';
import { readSavefile } from './tcpdump-read.js';
import { USAGE_TEXT, VERSION_TEXT } from './tcpdump-text.js';

/** @example await tcpdump(process) // argv ['tcpdump', '-i', 'any', 'icmp', '-nn'] */
export const tcpdump: Tool = async (p) => {
  const args = parseArgs(p.argv.slice(1));
  if (!args.ok) {
    p.err(`tcpdump: ${args.error}\n${USAGE_TEXT}`);
    return 1;
  }
  const r = interpretOptions(args.value.opts);
  switch (r.kind) {
    case 'help':
      p.out(USAGE_TEXT);
      return 0;
    case 'version':
      p.out(VERSION_TEXT);
      return 0;
    case 'error':
      p.err(`tcpdump: ${r.message}\n`);
      return 1;
  }
  const o = r.options;
  if (o.listInterfaces || o.listLinktypes) {
    p.err(`tcpdump: ${o.listInterfaces ? '-D' : '-L'} is not emulated by ciliumlab\n`);
    return 1;
  }
  const env = tcpdumpEnv(p, o.print, o.Nflag);
  const expression = args.value.expression;
  return o.readFile !== undefined ? readSavefile(p, o, o.readFile, expression, env) : liveCapture(p, o, expression, env);
};
