// Layer net: loadable kernel modules of the lab's Ubuntu 6.8.0-53-generic kernel that networking depends on,
// with their sizes and dependencies as the module files on that kernel have them (what lsmod reports), and
// the loaded set of one machine: modprobe loads dependencies first, `modprobe -r` removes a module nothing
// holds and then its dependencies left unused; lsmod lists newest first.

export interface ModuleInfo {
  readonly name: string;
  readonly size: number;
  readonly deps: readonly string[];
}

/**
 * Modules of linux-modules-6.8.0-53-generic (sizes as lsmod prints them on that kernel). Dependencies are
 * in load order: `modprobe vxlan` loads udp_tunnel, then ip6_udp_tunnel (lsmod lists them newest first).
 */
export const KNOWN_MODULES: Readonly<Record<string, ModuleInfo>> = {
  vxlan: { name: 'vxlan', size: 155648, deps: ['udp_tunnel', 'ip6_udp_tunnel'] },
  geneve: { name: 'geneve', size: 45056, deps: ['udp_tunnel', 'ip6_udp_tunnel'] },
  ip6_udp_tunnel: { name: 'ip6_udp_tunnel', size: 16384, deps: [] },
  udp_tunnel: { name: 'udp_tunnel', size: 32768, deps: [] },
  dummy: { name: 'dummy', size: 12288, deps: [] },
  br_netfilter: { name: 'br_netfilter', size: 32768, deps: ['bridge'] },
  bridge: { name: 'bridge', size: 421888, deps: ['stp', 'llc'] },
  stp: { name: 'stp', size: 12288, deps: ['llc'] },
  llc: { name: 'llc', size: 16384, deps: [] },
  overlay: { name: 'overlay', size: 212992, deps: [] },
};

export interface LoadedModule {
  readonly info: ModuleInfo;
  /** Modules that depend on this one, most recent first (lsmod's "Used by" column). */
  readonly usedBy: string[];
}

export class ModuleSet {
  /** Loaded modules, oldest first. */
  private readonly loaded: LoadedModule[] = [];

  isLoaded(name: string): boolean {
    return this.loaded.some((m) => m.info.name === name);
  }

  /** modprobe NAME: loads dependencies, then the module. Returns false for a module the kernel lacks. */
  load(name: string): boolean {
    const info = KNOWN_MODULES[name];
    if (!info) return false;
    if (this.isLoaded(name)) return true;
    for (const dep of info.deps) {
      this.load(dep);
      this.loaded.find((m) => m.info.name === dep)?.usedBy.unshift(name);
    }
    this.loaded.push({ info, usedBy: [] });
    return true;
  }

  /**
   * delete_module as `modprobe -r` drives it (kmod's rmmod_do_module): refused while another module holds
   * it; afterwards each dependency nothing else holds goes too. Returns what happened to NAME.
   */
  unload(name: string): 'removed' | 'not-loaded' | 'in-use' | 'unknown' {
    if (!KNOWN_MODULES[name]) return 'unknown';
    const mod = this.loaded.find((m) => m.info.name === name);
    if (!mod) return 'not-loaded';
    if (mod.usedBy.length > 0) return 'in-use';
    this.loaded.splice(this.loaded.indexOf(mod), 1);
    for (const dep of mod.info.deps) {
      const d = this.loaded.find((m) => m.info.name === dep);
      if (!d) continue;
      d.usedBy.splice(d.usedBy.indexOf(name), 1);
      if (d.usedBy.length === 0) this.unload(dep);
    }
    return 'removed';
  }

  /** In lsmod order: the most recently loaded first. */
  list(): readonly LoadedModule[] {
    return [...this.loaded].reverse();
  }
}
