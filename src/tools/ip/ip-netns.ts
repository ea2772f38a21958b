// Layer tools (ip): `ip netns` (ip/ipnetns.c): list (with the nsid the host gave each namespace), add,
// delete, and exec, which runs the command on the same machine inside that namespace. Pod sandboxes show as
// containerd's cni-<uuid> namespaces.

import type { ExecHost } from '../process.js';
import { matches } from './color.js';
import type { IpCtx } from './ip-context.js';
import { IpExit } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';
import { devicesInOrder, linkPeer } from './link-model.js';
import { displayName, findNetns } from './netns-names.js';

export async function doIpNetns(ctx: IpCtx, argv: readonly string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const m = ctx.machine;
  if (!m) throw new IpExit(1, 'ip netns: no machine\n');
  if (cmd === undefined || matches(cmd, 'list') || cmd === 'show') return listNetns(ctx);
  if (matches(cmd, 'help')) throw new IpExit(255, ipUsage('netns'));
  const name = rest[0];
  if (matches(cmd, 'add')) {
    if (name === undefined) throw new IpExit(255, 'No netns name specified\n');
    if (findNetns(m, name)) throw new IpExit(1, `Cannot create namespace file "/var/run/netns/${name}": File exists\n`);
    m.createNetns(name);
    return 0;
  }
  if (matches(cmd, 'delete')) {
    if (name === undefined) throw new IpExit(255, 'No netns name specified\n');
    const found = findNetns(m, name);
    if (!found) throw new IpExit(1, `Cannot remove namespace file "/var/run/netns/${name}": No such file or directory\n`);
    m.deleteNetns(found.key);
    return 0;
  }
  if (matches(cmd, 'exec')) {
    if (name === undefined) throw new IpExit(255, 'No netns name specified\n');
    const found = findNetns(m, name);
    if (!found) throw new IpExit(255, `Cannot open network namespace "${name}": No such file or directory\n`);
    if (rest.length < 2) throw new IpExit(255, 'No command specified\n');
    const host: ExecHost = { ...ctx.p.host, netns: found.ns, nextPid: () => ctx.p.host.nextPid(), readFile: (p) => ctx.p.host.readFile(p), writeFile: (p, c) => ctx.p.host.writeFile(p, c) };
    return (await ctx.p.execOn(host, rest.slice(1))).exitCode;
  }
  throw new IpExit(255, `Command "${cmd}" is unknown, try "ip netns help".\n`);
}

/** The newest namespace first (readdir of /run/netns), with "(id: N)" once the host has an nsid for it. */
function listNetns(ctx: IpCtx): number {
  const m = ctx.machine;
  if (!m) return 0;
  const withId = new Map<string, number>();
  for (const d of devicesInOrder(m.root)) {
    const peer = linkPeer(d, m.root, m);
    if (peer?.netnsName !== undefined && peer.netnsid !== undefined) withId.set(peer.netnsName, peer.netnsid);
  }
  const names = [...m.namespaces.keys()].map(displayName).reverse();
  ctx.p.out(names.map((n) => (withId.has(n) ? `${n} (id: ${withId.get(n)})\n` : `${n}\n`)).join(''));
  return 0;
}
