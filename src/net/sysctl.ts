// Layer net: the sysctls of one network namespace (/proc/sys/net/...), with the kernel's defaults for a
// new namespace and the one side effect that matters here: writing net.ipv4.ip_forward sets the
// `forwarding` flag of "all", "default" and every device (devinet_sysctl_forward / inet_forward_change).

export const NETNS_SYSCTL_DEFAULTS: Readonly<Record<string, string>> = {
  'net.ipv4.ip_forward': '0',
  'net.ipv4.ip_local_port_range': '32768\t60999',
  'net.ipv4.ping_group_range': '0\t2147483647',
  'net.ipv4.icmp_echo_ignore_all': '0',
  'net.ipv4.icmp_echo_ignore_broadcasts': '1',
  'net.ipv4.icmp_ratelimit': '1000',
  'net.ipv4.ip_default_ttl': '64',
  'net.ipv4.ip_no_pmtu_disc': '0',
  'net.ipv4.tcp_syn_retries': '6',
  'net.ipv4.tcp_synack_retries': '5',
  'net.ipv4.tcp_fin_timeout': '60',
  'net.ipv4.tcp_timestamps': '1',
  'net.ipv4.tcp_sack': '1',
  'net.ipv4.tcp_window_scaling': '1',
  'net.ipv4.conf.all.forwarding': '0',
  'net.ipv4.conf.default.forwarding': '0',
  'net.ipv4.conf.all.rp_filter': '2',
  'net.ipv4.conf.default.rp_filter': '2',
  'net.ipv4.conf.all.proxy_arp': '0',
  'net.ipv4.conf.all.arp_ignore': '0',
  'net.ipv4.conf.all.accept_local': '0',
  'net.ipv4.neigh.default.base_reachable_time_ms': '30000',
  'net.ipv4.neigh.default.gc_stale_time': '60',
  'net.ipv4.neigh.default.retrans_time_ms': '1000',
  'net.ipv4.neigh.default.mcast_solicit': '3',
  'net.ipv4.neigh.default.ucast_solicit': '3',
  'net.ipv4.neigh.default.unres_qlen': '101',
  'net.core.somaxconn': '4096',
};

/** Per-device keys a new device copies from `default`. */
const DEVICE_CONF_KEYS = ['forwarding', 'rp_filter', 'proxy_arp', 'arp_ignore', 'accept_local'] as const;

/** The defaults as a map, copied by each new namespace. */
const DEFAULTS = new Map<string, string>(Object.entries(NETNS_SYSCTL_DEFAULTS));

export class Sysctl {
  private readonly values = new Map<string, string>(DEFAULTS);
  /** Devices whose `forwarding` is on: read for every packet, so kept apart from the text table. */
  private readonly forwarding = new Set<string>();

  get(key: string): string | undefined {
    return this.values.get(normalizeKey(key));
  }

  has(key: string): boolean {
    return this.values.has(normalizeKey(key));
  }

  /** Every key in sorted order, as `sysctl -a` lists them. */
  keys(): string[] {
    return [...this.values.keys()].sort();
  }

  /** Writes a value (whitespace-separated lists are stored tab-separated as the kernel prints them). */
  set(key: string, value: string): void {
    const k = normalizeKey(key);
    const v = value.trim().split(/\s+/).join('\t');
    this.values.set(k, v);
    if (k === 'net.ipv4.ip_forward' || k === 'net.ipv4.conf.all.forwarding') this.setForwardingEverywhere(v);
    const dev = /^net\.ipv4\.conf\.([^.]+)\.forwarding$/.exec(k)?.[1];
    if (dev !== undefined) this.syncForwarding(dev);
  }

  getNumber(key: string): number {
    return Number(this.get(key) ?? '0');
  }

  /** Adds the per-device keys of a new device, copied from `default`. */
  addDevice(name: string): void {
    for (const c of DEVICE_CONF_KEYS) {
      const k = `net.ipv4.conf.${name}.${c}`;
      if (!this.values.has(k)) this.values.set(k, this.values.get(`net.ipv4.conf.default.${c}`) ?? '0');
    }
    this.syncForwarding(name);
  }

  removeDevice(name: string): void {
    for (const c of DEVICE_CONF_KEYS) this.values.delete(`net.ipv4.conf.${name}.${c}`);
    this.forwarding.delete(name);
  }

  /** IN_DEV_FORWARD: whether packets arriving on `dev` may be forwarded. */
  isForwarding(dev: string): boolean {
    return this.forwarding.has(dev);
  }

  private syncForwarding(dev: string): void {
    const v = this.values.get(`net.ipv4.conf.${dev}.forwarding`);
    if (v !== undefined && v !== '0') this.forwarding.add(dev);
    else this.forwarding.delete(dev);
  }

  /** inet_forward_change: ip_forward and conf.all.forwarding are one integer, copied to default and every device. */
  private setForwardingEverywhere(on: string): void {
    this.values.set('net.ipv4.ip_forward', on);
    for (const k of [...this.values.keys()]) {
      const dev = /^net\.ipv4\.conf\.([^.]+)\.forwarding$/.exec(k)?.[1];
      if (dev === undefined) continue;
      this.values.set(k, on);
      this.syncForwarding(dev);
    }
  }
}

/** sysctl accepts both "net.ipv4.ip_forward" and "net/ipv4/ip_forward". */
export function normalizeKey(key: string): string {
  return key.replace(/\//g, '.');
}
