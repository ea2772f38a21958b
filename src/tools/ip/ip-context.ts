// Layer tools (ip): what every `ip` subcommand works with: the global options of ip/ip.c (-4/-6/-0,
// -s, -d, -o, -br, -j, -p, -c, -n), the namespace the command acts on, and a printer set up for them.

import type { Machine } from '../../net/machine.js';
import type { Netns } from '../../net/netns.js';
import type { Process } from '../process.js';
import type { Family } from './ip-args.js';
import { colorPalette, type ColorOpt } from './color.js';
import { IpPrinter } from './ip-printer.js';

export interface IpOptions {
  readonly family: Family;
  readonly stats: number;
  readonly details: number;
  readonly oneline: boolean;
  readonly brief: boolean;
  readonly json: boolean;
  readonly pretty: boolean;
  readonly color: ColorOpt;
  readonly numeric: boolean;
  readonly all: boolean;
  readonly force: boolean;
}

export const DEFAULT_IP_OPTIONS: IpOptions = {
  family: 'unspec',
  stats: 0,
  details: 0,
  oneline: false,
  brief: false,
  json: false,
  pretty: false,
  color: 'never',
  numeric: false,
  all: false,
  force: false,
};

export interface IpCtx {
  readonly p: Process;
  readonly ns: Netns;
  /** The machine the namespace belongs to (its named namespaces, kernel, CPUs). */
  readonly machine: Machine | undefined;
  readonly opts: IpOptions;
}

export function newPrinter(ctx: IpCtx): IpPrinter {
  const o = ctx.opts;
  return new IpPrinter({ json: o.json, pretty: o.pretty, oneline: o.oneline, palette: colorPalette(o.color, o.json, ctx.p.isTty, ctx.p.env.get('COLORFGBG')) });
}

/** A subcommand: returns the exit status, or throws IpExit. */
export type IpHandler = (ctx: IpCtx, argv: readonly string[]) => number | Promise<number>;
