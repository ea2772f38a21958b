// Layer tools (ip): `ip addr show` and `ip link show` (ipaddr_list_flush_or_save with do_link): the filter
// words (dev, up, scope, to, label, type, flag names), ipaddr_filter's rule that a family or address filter
// hides links without a matching address, and the per-link output in normal, -br, -o and -j forms.

import { contains, parseCidr } from '../../addr/index.js';
import type { NetDevice } from '../../net/net-device.js';
import { inet6Entry, inetEntry, printAddrInfo, type AddrEntry } from './addr-info.js';
import { Args, getPrefix, matches, scopeId, type Prefix } from './ip-args.js';
import { newPrinter, type IpCtx } from './ip-context.js';
import { duparg2, invarg, IpExit } from './ip-errors.js';
import type { IpPrinter } from './ip-printer.js';
import { ipv6Addrs } from './ipv6-view.js';
import { devicesInOrder, linkKind } from './link-model.js';
import { printLink, printLinkBrief } from './link-show.js';
import { printStats64 } from './link-stats.js';
import { ipUsage } from './ip-usage.js';

export interface AddrFilter {
  dev?: string;
  up?: boolean;
  scope?: string;
  to?: Prefix;
  label?: string;
  kind?: string;
  /** Flag names that must be present (true) or absent (false). */
  flags: Map<string, boolean>;
}

const FLAG_NAMES = ['secondary', 'temporary', 'nodad', 'optimistic', 'dadfailed', 'home', 'deprecated', 'tentative', 'permanent', 'mngtmpaddr', 'noprefixroute', 'autojoin', 'stable-privacy'];

/** get_filter: "dynamic" = -permanent, "primary" = -secondary, "-flag" negates. */
function flagFilter(word: string, f: AddrFilter): boolean {
  let inv = word.startsWith('-');
  let name = inv ? word.slice(1) : word;
  if (name === 'dynamic') [inv, name] = [!inv, 'permanent'];
  else if (name === 'primary') [inv, name] = [!inv, 'secondary'];
  if (!FLAG_NAMES.includes(name)) return false;
  f.flags.set(name, !inv);
  return true;
}

export function parseAddrFilter(ctx: IpCtx, argv: readonly string[], doLink: boolean): AddrFilter {
  const a = new Args(argv);
  const f: AddrFilter = { flags: new Map() };
  while (!a.done) {
    const w = a.take();
    if (w === 'to') f.to = getPrefix(a.next(), ctx.opts.family);
    else if (w === 'scope') {
      const s = a.next();
      if (s !== 'all' && scopeId(s) === undefined) invarg('invalid "scope"\n', s);
      if (s !== 'all') f.scope = scopeId(s) ?? s;
    } else if (w === 'up') f.up = true;
    else if (flagFilter(w, f)) continue;
    else if (w === 'label') f.label = a.next();
    else if (w === 'type') f.kind = a.next();
    else {
      const dev = w === 'dev' ? a.next() : w;
      if (w !== 'dev' && matches(w, 'help')) throw new IpExit(255, ipUsage(doLink ? 'link' : 'address'));
      if (f.dev !== undefined) duparg2('dev', dev);
      f.dev = dev;
    }
  }
  return f;
}

function entriesOf(ctx: IpCtx, dev: NetDevice): AddrEntry[] {
  const now = ctx.ns.now;
  const fam = ctx.opts.family;
  const v4 = fam === 'inet6' ? [] : dev.addrs.map((x) => inetEntry(x, now, { onLoopback: dev.kind === 'loopback' }));
  const v6 = fam === 'inet' ? [] : ipv6Addrs(dev, now).map(inet6Entry);
  return [...v4, ...v6];
}

function addrMatches(e: AddrEntry, f: AddrFilter): boolean {
  if (f.scope !== undefined && e.scope !== f.scope) return false;
  for (const [name, want] of f.flags) {
    const has = name === 'permanent' ? !e.flags.includes('dynamic') : e.flags.includes(name);
    if (has !== want) return false;
  }
  if (f.label !== undefined && (e.label === undefined || !globMatch(f.label, e.label))) return false;
  if (f.to && !f.to.isDefault) {
    const local = parseCidr(e.local, { allowBare: true });
    if (e.family !== 'inet' || !local || !contains(f.to.cidr, local.addr) || (f.to.hasLen ? false : local.addr !== f.to.cidr.addr)) return false;
  }
  return true;
}

/** fnmatch(3) with * and ? (labels such as "eth0:*"). */
function globMatch(pattern: string, s: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(s);
}

export function listAddrs(ctx: IpCtx, argv: readonly string[], doLink: boolean): number {
  const f = parseAddrFilter(ctx, argv, doLink);
  // `to PREFIX` fixes the family to the prefix's, as filter.family = filter.pfx.family does.
  if (f.to && ctx.opts.family === 'unspec') ctx = { ...ctx, opts: { ...ctx.opts, family: 'inet' } };
  const ns = ctx.ns;
  let devs = devicesInOrder(ns);
  if (f.dev !== undefined) {
    const d = ns.dev(f.dev);
    if (!d) throw new IpExit(1, `Device "${f.dev}" does not exist.\n`);
    devs = [d];
  }
  devs = devs.filter((d) => (!f.up || d.isUp) && (f.kind === undefined || linkKind(d) === f.kind));
  const fam = doLink ? 'link' : ctx.opts.family;
  const addrFiltered = !doLink && (fam !== 'unspec' || f.scope !== undefined || f.flags.size > 0 || f.to !== undefined || f.label !== undefined);
  const pr = newPrinter(ctx);
  pr.begin();
  const cpus = ctx.p.lab.spec.hosts.find((h) => h.name === ctx.machine?.hostname)?.cpus ?? 1;
  for (const dev of devs) {
    const entries = doLink ? [] : entriesOf(ctx, dev).filter((e) => addrMatches(e, f));
    if (addrFiltered && entries.length === 0 && !(fam === 'unspec' && entriesOf(ctx, dev).length === 0)) continue;
    printOne(ctx, pr, dev, entries, { doLink, cpus });
  }
  ctx.p.out(pr.finish());
  return 0;
}

function printOne(ctx: IpCtx, pr: IpPrinter, dev: NetDevice, entries: readonly AddrEntry[], env: { doLink: boolean; cpus: number }): void {
  const o = ctx.opts;
  pr.openObject();
  if (o.brief) printLinkBrief(ctx, pr, dev, env.doLink);
  else if (!(o.oneline && !env.doLink)) printLink(ctx, pr, dev, env);
  if (!env.doLink) {
    pr.openArray('json', 'addr_info');
    for (const e of entries) {
      pr.openObject();
      printAddrInfo(pr, e, { brief: o.brief, oneline: o.oneline ? { ifindex: dev.ifindex, dev: dev.name } : undefined });
      pr.closeObject();
    }
    pr.closeArray('json', '');
    if (o.brief) pr.fp('\n');
    if (o.stats && !o.brief) {
      printStats64(pr, dev.stats, o.stats);
      pr.nl();
    }
  }
  pr.closeObject();
}
