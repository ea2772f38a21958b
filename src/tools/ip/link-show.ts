// Layer tools (ip): one link as print_linkinfo (ip/ipaddress.c) prints it for `ip link` and `ip addr`:
// "N: name[@peer]: <FLAGS> mtu M qdisc Q state S [mode DEFAULT] group default qlen L", the link/ether line
// (with link-netns for a peer elsewhere), -d details, -s counters, altnames; and the -br one-liner.

import { formatMac, MAC_BROADCAST, MAC_ZERO } from '../../addr/index.js';
import type { NetDevice } from '../../net/net-device.js';
import type { IpCtx } from './ip-context.js';
import type { IpPrinter } from './ip-printer.js';
import { printLinkDetails } from './link-details.js';
import { IFF, ifFlags, linkPeer, linkType } from './link-model.js';
import { printStats64 } from './link-stats.js';

const FLAG_ORDER: ReadonlyArray<readonly [keyof typeof IFF, number]> = (['LOOPBACK', 'BROADCAST', 'POINTOPOINT', 'MULTICAST', 'NOARP', 'ALLMULTI', 'PROMISC', 'UP', 'LOWER_UP'] as const).map((k) => [k, IFF[k]] as const);

export interface LinkShowEnv {
  readonly doLink: boolean;
  readonly cpus: number;
}

/** print_name_and_link: "name@peer" (the peer's name, or "if<N>" when it lives in another namespace). */
function printNameAndLink(ctx: IpCtx, pr: IpPrinter, fmt: string, dev: NetDevice): boolean {
  const peer = linkPeer(dev, ctx.ns, ctx.machine);
  let name = dev.name;
  let mDown = false;
  if (peer) {
    if (peer.netnsid !== undefined) {
      if (pr.isJson) pr.uint('json', 'link_index', '', peer.ifindex);
      else name = `${dev.name}@if${peer.ifindex}`;
    } else {
      if (pr.isJson) pr.string('json', 'link', '', peer.dev.name);
      else name = `${dev.name}@${peer.dev.name}`;
      mDown = !peer.dev.isUp;
    }
  }
  pr.string('any', 'ifname', fmt, name, 'ifname');
  return mDown;
}

/** print_link_flags: "<BROADCAST,MULTICAST,UP,LOWER_UP> ". */
export function printLinkFlags(pr: IpPrinter, dev: NetDevice, mDown: boolean): void {
  let flags = ifFlags(dev);
  pr.openArray('any', pr.isJson ? 'flags' : '<');
  if (flags & IFF.UP && !(flags & IFF.RUNNING)) pr.string('any', null, flags ? '%s,' : '%s', 'NO-CARRIER');
  flags &= ~IFF.RUNNING;
  for (const [name, bit] of FLAG_ORDER) {
    if (!(flags & bit)) continue;
    flags &= ~bit;
    pr.string('any', null, flags ? '%s,' : '%s', name);
  }
  if (mDown) pr.string('any', null, ',%s', 'M-DOWN');
  pr.closeArray('any', '> ');
}

function printOperstate(pr: IpPrinter, dev: NetDevice, brief: boolean): void {
  const s = dev.operState;
  const attr = s === 'UP' ? 'up' : s === 'DOWN' ? 'down' : 'none';
  if (brief) return pr.string('any', 'operstate', '%-14s ', s, attr);
  if (pr.isJson) return pr.string('json', 'operstate', '', s);
  pr.fp('state ');
  pr.colored(attr, `${s} `);
}

export function printLinkBrief(ctx: IpCtx, pr: IpPrinter, dev: NetDevice, withLinkLayer: boolean): void {
  const mDown = printNameAndLink(ctx, pr, '%-16s ', dev);
  printOperstate(pr, dev, true);
  if (!withLinkLayer) return;
  pr.string('any', 'address', '%s ', formatMac(dev.mac), 'mac');
  printLinkFlags(pr, dev, mDown);
  pr.fp('\n');
}

export function printLink(ctx: IpCtx, pr: IpPrinter, dev: NetDevice, env: LinkShowEnv): void {
  pr.uint('any', 'ifindex', '%d: ', dev.ifindex);
  const mDown = printNameAndLink(ctx, pr, '%s: ', dev);
  printLinkFlags(pr, dev, mDown);
  pr.uint('any', 'mtu', 'mtu %u ', dev.mtu);
  pr.string('any', 'qdisc', 'qdisc %s ', dev.qdisc);
  printOperstate(pr, dev, false);
  if (env.doLink) pr.string('any', 'linkmode', 'mode %s ', 'DEFAULT');
  pr.string('any', 'group', 'group %s ', 'default');
  if (dev.txqlen) pr.uint('any', 'txqlen', 'qlen %d', dev.txqlen);
  const opts = ctx.opts;
  if (opts.family === 'unspec' || opts.family === 'link' || opts.details) printLinkLayer(pr, dev);
  printLinkNetns(ctx, pr, dev);
  if (opts.details) printLinkDetails(pr, dev, env);
  if (env.doLink && opts.stats) {
    pr.nl();
    printStats64(pr, dev.stats, opts.stats);
  }
  if (dev.altnames.length) {
    pr.openArray('json', 'altnames');
    for (const alt of dev.altnames) {
      pr.fp(`${pr.sl}    altname `);
      pr.string('any', null, '%s', alt);
    }
    pr.closeArray('json', '');
  }
  pr.fp('\n');
}

function printLinkLayer(pr: IpPrinter, dev: NetDevice): void {
  const type = linkType(dev);
  pr.nl();
  pr.string('any', 'link_type', '    link/%s ', type);
  pr.string('any', 'address', '%s', formatMac(dev.mac), 'mac');
  pr.fp(' brd ');
  pr.string('any', 'broadcast', '%s', formatMac(type === 'loopback' ? MAC_ZERO : MAC_BROADCAST), 'mac');
}

/** IFLA_LINK_NETNSID: printed whether or not the link/ether line was. */
function printLinkNetns(ctx: IpCtx, pr: IpPrinter, dev: NetDevice): void {
  const peer = linkPeer(dev, ctx.ns, ctx.machine);
  if (peer?.netnsid === undefined) return;
  if (pr.isJson) pr.uint('json', 'link_netnsid', '', peer.netnsid);
  else if (peer.netnsName !== undefined) pr.fp(` link-netns ${peer.netnsName}`);
  else pr.fp(` link-netnsid ${peer.netnsid}`);
}
