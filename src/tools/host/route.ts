// Layer tools (host): net-tools 2.10 `route` (route.c) showing the IPv4 table: -n, -e/-ee, -C, -F; a bad
// option or -h is usage() with status 0 (route treats getopt's '?' as -h), an unknown word usage() with 3.
// Editing (add/del/flush) and other families are not modelled: they say so and fail.

import type { Tool } from '../process.js';
import { getoptLong } from './net-tools-args.js';
import { inetNames } from './net-tools-names.js';
import { AF_LIST, printUsage, ROUTE_USAGE } from './net-tools-usage.js';
import { routeTableText } from './route-table.js';

const LONGS = {
  extend: ['e', false], verbose: ['v', false], numeric: ['n', false], symbolic: ['N', false], protocol: ['A', true],
  cache: ['C', false], fib: ['F', false], help: ['h', false], inet: ['4', false], inet6: ['6', false],
} as const;

export const route: Tool = async (p) => {
  const ns = p.host.netns;
  if (!ns) return 1;
  const g = getoptLong('route', p.argv.slice(1), 'A:eCFhnN64v', LONGS);
  if (g.error !== undefined) p.err(`${g.error}\n`);
  const letters = g.opts.map(([c]) => c);
  const family = g.opts.reduce<string>((af, [c, v]) => (c === 'A' ? (v ?? af) : c === '6' ? 'inet6' : c === '4' ? 'inet' : af), 'inet');
  if (g.error !== undefined || letters.includes('h')) return printUsage(p, ROUTE_USAGE, AF_LIST, 0);
  const [verb] = g.operands;
  if (verb !== undefined && !['add', 'del', 'delete', 'flush'].includes(verb)) return printUsage(p, ROUTE_USAGE, AF_LIST, 3);
  if (verb !== undefined || family !== 'inet') {
    p.err(`route: ${verb ?? `-A ${family}`}: not modelled by ciliumlab (use ip route)\n`);
    return 1;
  }
  const ext = (1 + letters.filter((c) => c === 'e').length) & 3;
  p.out(routeTableText(ns, inetNames(p), { ext, numeric: letters.includes('n'), cache: letters.includes('C') && !letters.includes('F') }));
  return 0;
};
