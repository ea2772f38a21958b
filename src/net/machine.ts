// Layer net: one Linux machine (a VM of the lab): its kernel (release, loaded modules), its root network
// namespace and the namespaces of its pods, the PID counters tools such as ping use for ICMP ids, and the
// moment it booted (CLOCK_MONOTONIC counts from there: ktime_get_ns, uptime).

import type { NetContext } from './net-context.js';
import { ModuleSet } from './kernel-modules.js';
import { Netns } from './netns.js';
import type { Task } from './task.js';

export class Machine {
  readonly root: Netns;
  readonly namespaces = new Map<string, Netns>();
  readonly modules = new ModuleSet();
  /** The process table (tasks that hold sockets), by PID: task.ts fills it. */
  readonly tasks = new Map<number, Task>();
  /** The last PID handed out in the root PID namespace. */
  lastPid: number;
  /** Virtual time of boot: the machine exists from the moment the lab's clock starts it. */
  readonly bootUs: number;

  constructor(
    readonly hostname: string,
    readonly ctx: NetContext,
    readonly kernelRelease: string,
    opts: { firstPid?: number } = {},
  ) {
    this.root = new Netns(hostname, ctx);
    this.bootUs = ctx.scheduler.nowUs;
    this.lastPid = opts.firstPid ?? 1000;
  }

  /** `ip netns add` / a container runtime creating a pod sandbox. */
  createNetns(name: string): Netns {
    const ns = new Netns(`${this.hostname}/${name}`, this.ctx);
    ns.flowHashSeed = this.root.flowHashSeed; // hashrnd is per kernel, not per namespace
    this.namespaces.set(name, ns);
    return ns;
  }

  /** cleanup_net: the namespace's devices go with it, and a veth takes its peer in another namespace. */
  deleteNetns(name: string): void {
    const ns = this.namespaces.get(name);
    if (!ns) return;
    for (const d of [...ns.devices.values()]) if (d.kind !== 'loopback') ns.deleteDevice(d);
    this.namespaces.delete(name);
  }

  /** `modprobe -r`: a driver module takes its devices with it (vxlan_exit_batch_rtnl, geneve's alike). */
  removeModule(name: string): ReturnType<ModuleSet['unload']> {
    const before = new Set(this.modules.list().map((m) => m.info.name));
    const r = this.modules.unload(name);
    if (r !== 'removed') return r;
    const gone = [...before].filter((n) => !this.modules.isLoaded(n));
    for (const ns of [this.root, ...this.namespaces.values()]) {
      for (const d of [...ns.devices.values()]) if (gone.includes(d.kind)) ns.deleteDevice(d);
    }
    return r;
  }

  /** A new process in the root PID namespace (a few PIDs go to helpers in between, as on a busy host). */
  spawnPid(): number {
    this.lastPid += this.ctx.rng.int(1, 4);
    return this.lastPid;
  }
}
