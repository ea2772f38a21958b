// Layer tools (ip): iplink_modify for `ip link add|set|delete`: the link words (up/down, mtu, name, address,
// arp, promisc, txqueuelen, netns, type veth|dummy|vxlan|geneve with their arguments) checked as iproute2
// checks them, then applied with the kernel's answers (MTU bounds, EEXIST, unknown kinds).

import { parseMac, type MacAddr } from '../../addr/index.js';
import { DummyDevice } from '../../net/devices/dummy.js';
import { TunnelDevice } from '../../net/devices/tunnel-device.js';
import { VethDevice } from '../../net/devices/veth.js';
import type { NetDevice } from '../../net/net-device.js';
import { NetlinkError } from '../../net/netlink-error.js';
import type { Netns } from '../../net/netns.js';
import { randomMac } from '../../cilium/datapath/mac.js';
import { Args, matches, parseUnsigned } from './ip-args.js';
import type { IpCtx } from './ip-context.js';
import { duparg2, invarg, IpExit, kernelError, netlink, nodev } from './ip-errors.js';
import { findNetns } from './netns-names.js';
import { limitsOf } from './link-details.js';
import { ipUsage } from './ip-usage.js';

interface LinkRequest {
  dev?: string;
  name?: string;
  up?: boolean;
  mtu?: number;
  mac?: MacAddr;
  arp?: boolean;
  promisc?: boolean;
  txqlen?: number;
  netns?: Netns;
  kind?: string;
  kindArgs: string[];
}

function onOff(a: Args, what: string): boolean {
  const v = a.next();
  if (v !== 'on' && v !== 'off') throw new IpExit(255, `Error: argument of "${what}" must be "on" or "off", not "${v}"\n`);
  return v === 'on';
}

function parseLinkArgs(ctx: IpCtx, argv: readonly string[], isAdd: boolean): LinkRequest {
  const a = new Args(argv);
  const r: LinkRequest = { kindArgs: [] };
  while (!a.done) {
    const w = a.take();
    if (w === 'up') r.up = true;
    else if (w === 'down') r.up = false;
    else if (w === 'name') r.name = a.next();
    else if (matches(w, 'mtu')) {
      const v = a.next();
      const mtu = parseUnsigned(v);
      if (mtu === undefined) invarg('Invalid "mtu" value\n', v);
      r.mtu = mtu;
    } else if (matches(w, 'address')) {
      const v = a.next();
      const m = parseMac(v);
      if (m === undefined) throw new IpExit(1, `Invalid address length ${v.split(':').length} - must be 6 bytes\n`);
      r.mac = m;
    } else if (matches(w, 'txqueuelen') || w === 'txqlen' || matches(w, 'qlen')) {
      const v = a.next();
      const q = parseUnsigned(v);
      if (q === undefined) invarg('Invalid "txqueuelen" value\n', v);
      r.txqlen = q;
    } else if (w === 'arp') r.arp = onOff(a, 'arp');
    else if (w === 'promisc') r.promisc = onOff(a, 'promisc');
    else if (w === 'netns') {
      const v = a.next();
      const found = findNetns(ctx.machine, v);
      if (!found) invarg('Invalid "netns" value\n', v);
      r.netns = found.ns;
    } else if (w === 'type') {
      r.kind = a.next();
      r.kindArgs = a.rest();
    } else {
      const v = w === 'dev' ? a.next() : w;
      if (matches(v, 'help')) throw new IpExit(255, ipUsage('link'));
      if (r.dev !== undefined) duparg2('dev', v);
      r.dev = v;
    }
  }
  if (isAdd && r.dev !== undefined && r.name === undefined) r.name = r.dev;
  return r;
}

/** iplink_modify(RTM_NEWLINK, CREATE|EXCL): creates the device, then applies the other words. */
export function addLink(ctx: IpCtx, argv: readonly string[], opts: { replace: boolean }): number {
  const r = parseLinkArgs(ctx, argv, true);
  if (r.kind === undefined) throw new IpExit(255, 'Not enough information: "type" argument is required\n');
  const ns = ctx.ns;
  const existing = r.name === undefined ? undefined : ns.dev(r.name);
  if (existing && !opts.replace) kernelError(new NetlinkError('EEXIST'));
  const rng = ctx.p.lab.ctx.rng.fork(`ip-link/${ns.name}/${r.name ?? r.kind}/${ns.now}`);
  const devs = netlink(() => createKind(ctx, r, () => randomMac(rng)));
  const [dev] = devs;
  if (!dev) return 0;
  ctx.machine?.modules.load(r.kind === 'veth' ? 'veth' : r.kind);
  applyLink(ctx, dev, r);
  return 0;
}

function createKind(ctx: IpCtx, r: LinkRequest, mac: () => MacAddr): NetDevice[] {
  const ns = ctx.ns;
  const base = { mtu: r.mtu ?? 1500, ...(r.txqlen !== undefined ? { txqlen: r.txqlen } : {}) };
  switch (r.kind) {
    case 'veth': {
      const peer = parsePeer(ctx, r.kindArgs);
      const name = r.name ?? freeName(ns, 'veth%d');
      const peerNs = peer.netns ?? ns;
      const peerName = peer.name ?? freeName(peerNs, 'veth%d', name);
      if (peerNs.dev(peerName) || ns.dev(name)) throw new NetlinkError('EEXIST');
      const [a, b] = VethDevice.pair({ name, mac: r.mac ?? mac(), ...base }, { name: peerName, mac: mac(), ...base });
      peerNs.addDevice(b);
      ns.addDevice(a);
      return [a, b];
    }
    case 'dummy':
      return [ns.addDevice(new DummyDevice({ name: r.name ?? freeName(ns, 'dummy%d'), mac: r.mac ?? mac(), qdisc: 'noqueue', ...base }))];
    case 'vxlan':
    case 'geneve': {
      const port = tunnelPort(r.kind, r.kindArgs);
      return [ns.addDevice(new TunnelDevice({ name: r.name ?? freeName(ns, `${r.kind}%d`), mac: r.mac ?? mac(), protocol: r.kind, dstPort: port, ...base }))];
    }
    default:
      throw new NetlinkError('EOPNOTSUPP', 'Unknown device type');
  }
}

/** `peer [name] NAME [netns NS]` after `type veth`. */
function parsePeer(ctx: IpCtx, argv: readonly string[]): { name?: string; netns?: Netns } {
  const a = new Args(argv);
  const out: { name?: string; netns?: Netns } = {};
  if (a.done) return out;
  if (a.take() !== 'peer') throw new IpExit(255, ipUsage('link'));
  while (!a.done) {
    const w = a.take();
    if (w === 'netns') {
      const v = a.next();
      const found = findNetns(ctx.machine, v);
      if (!found) invarg('Invalid "netns" value\n', v);
      out.netns = found.ns;
    } else out.name = w === 'name' ? a.next() : w;
  }
  return out;
}

/** vxlan/geneve: only the collect-metadata (`external`) form the core's TunnelDevice models. */
function tunnelPort(kind: 'vxlan' | 'geneve', argv: readonly string[]): number {
  const a = new Args(argv);
  let port = kind === 'vxlan' ? 8472 : 6081;
  let external = false;
  let vni = false;
  while (!a.done) {
    const w = a.take();
    if (w === 'external') external = true;
    else if (w === 'dstport') port = Number(a.next());
    else if (w === 'id' || w === 'vni') vni = true;
  }
  if (external && vni) throw new IpExit(1, `${kind}: both 'external' and vni cannot be specified\n`);
  if (vni) throw new IpExit(2, `ciliumlab: ${kind} devices with a fixed VNI are not modelled; the lab models the external (collect_md) devices Cilium creates\n`);
  if (!external) throw new IpExit(1, `${kind}: missing virtual network identifier\n`);
  return port;
}

/** dev_alloc_name: the first free "veth%d". */
function freeName(ns: Netns, pattern: string, taken?: string): string {
  for (let i = 0; ; i++) {
    const n = pattern.replace('%d', String(i));
    if (!ns.dev(n) && n !== taken) return n;
  }
}

export function setLink(ctx: IpCtx, argv: readonly string[]): number {
  const r = parseLinkArgs(ctx, argv, false);
  if (r.dev === undefined) throw new IpExit(255, 'Not enough information: "dev" argument is required.\n');
  const dev = ctx.ns.dev(r.dev);
  if (!dev) nodev(r.dev);
  applyLink(ctx, dev, r);
  return 0;
}

/** do_setlink order: netns, mtu and other attributes, name, then the up/down flag change. */
function applyLink(ctx: IpCtx, dev: NetDevice, r: LinkRequest): void {
  const l = limitsOf(dev);
  if (r.mtu !== undefined && l.maxMtu > 0 && r.mtu > l.maxMtu) kernelError(new NetlinkError('EINVAL', 'mtu greater than device maximum'));
  if (r.mtu !== undefined && r.mtu < l.minMtu) kernelError(new NetlinkError('EINVAL', 'mtu less than device minimum'));
  if (r.name !== undefined && r.name !== dev.name && ctx.ns.dev(r.name)) kernelError(new NetlinkError('EEXIST'));
  let ns = ctx.ns;
  if (r.netns && r.netns !== ns) {
    ns.moveDevice(dev, r.netns);
    ns = r.netns;
  }
  if (r.mtu !== undefined) dev.mtu = r.mtu;
  if (r.mac !== undefined) dev.mac = r.mac;
  if (r.txqlen !== undefined) dev.txqlen = r.txqlen;
  if (r.arp !== undefined) dev.isNoArp = !r.arp;
  if (r.promisc !== undefined) dev.isPromisc = r.promisc;
  if (r.name !== undefined) dev.name = r.name;
  if (r.up !== undefined) ns.setUp(dev, r.up);
}

/** `ip link delete DEV`: a veth takes its peer with it; a tunnel closes its socket. */
export function deleteLink(ctx: IpCtx, argv: readonly string[]): number {
  const r = parseLinkArgs(ctx, argv, false);
  if (r.dev === undefined) throw new IpExit(255, 'Not enough information: "dev" argument is required.\n');
  const dev = ctx.ns.dev(r.dev);
  if (!dev) nodev(r.dev);
  if (dev.kind === 'loopback') kernelError(new NetlinkError('EOPNOTSUPP'));
  ctx.ns.deleteDevice(dev);
  return 0;
}
