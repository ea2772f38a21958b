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

/** The defaults as a map, read by every namespace for the keys it has not written. */
const DEFAULTS = new Map<string, string>(Object.entries(NETNS_SYSCTL_DEFAULTS));

const DEVICE_KEY = /^net\.ipv4\.conf\.([^.]+)\.(forwarding|rp_filter|proxy_arp|arp_ignore|accept_local)$/;
const FORWARDING_KEY = /^net\.ipv4\.conf\.([^.]+)\.forwarding$/;

function deviceKey(dev: string, conf: string): string {
  return `net.ipv4.conf.${dev}.${conf}`;
}

/** `default`'s key of each per-device setting. */
const DEFAULT_CONF_KEYS = DEVICE_CONF_KEYS.map((c) => [c, deviceKey('default', c)] as const);

/**
 * The table is copy-on-write over the defaults: a namespace stores only what was written in it (and the
 * per-device values a device copied from a written `default`), so a new namespace or device costs no copy.
 */
export class Sysctl {
  private readonly values = new Map<string, string>();
  /** Devices with their per-device keys. */
  private readonly devices = new Set<string>();
  /** Devices whose `forwarding` is on: read for every packet, so kept apart from the text table. */
  private readonly forwarding = new Set<string>();

  get(key: string): string | undefined {
    const k = normalizeKey(key);
    return this.values.get(k) ?? this.inherited(k);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Every key in sorted order, as `sysctl -a` lists them. */
  keys(): string[] {
    const all = new Set([...DEFAULTS.keys(), ...this.values.keys()]);
    for (const d of this.devices) for (const c of DEVICE_CONF_KEYS) all.add(deviceKey(d, c));
    return [...all].sort();
  }

  /** Writes a value (whitespace-separated lists are stored tab-separated as the kernel prints them). */
  set(key: string, value: string): void {
    const k = normalizeKey(key);
    const v = value.trim().split(/\s+/).join('\t');
    this.values.set(k, v);
    if (k === 'net.ipv4.ip_forward' || k === 'net.ipv4.conf.all.forwarding') this.setForwardingEverywhere(v);
    const dev = FORWARDING_KEY.exec(k)?.[1];
    if (dev !== undefined) this.syncForwarding(dev);
  }

  getNumber(key: string): number {
    return Number(this.get(key) ?? '0');
  }

  /** Adds the per-device keys of a new device, copied from `default` as it is now. */
  addDevice(name: string): void {
    if (!this.devices.has(name)) {
      this.devices.add(name);
      for (const [c, dflt] of DEFAULT_CONF_KEYS) {
        const written = this.values.get(dflt);
        if (written !== undefined && !this.values.has(deviceKey(name, c))) this.values.set(deviceKey(name, c), written);
      }
    }
    this.syncForwarding(name);
  }

  removeDevice(name: string): void {
    for (const c of DEVICE_CONF_KEYS) this.values.delete(deviceKey(name, c));
    this.devices.delete(name);
    this.forwarding.delete(name);
  }

  /** IN_DEV_FORWARD: whether packets arriving on `dev` may be forwarded. */
  isForwarding(dev: string): boolean {
    return this.forwarding.has(dev);
  }

  /** A key this namespace never wrote: the namespace default, or a device's copy of an unwritten `default`. */
  private inherited(k: string): string | undefined {
    const d = DEFAULTS.get(k);
    if (d !== undefined) return d;
    const m = DEVICE_KEY.exec(k);
    if (m === null || !this.devices.has(m[1] ?? '')) return undefined;
    return DEFAULTS.get(deviceKey('default', m[2] ?? '')) ?? '0';
  }

  private syncForwarding(dev: string): void {
    const v = this.get(deviceKey(dev, 'forwarding'));
    if (v !== undefined && v !== '0') this.forwarding.add(dev);
    else this.forwarding.delete(dev);
  }

  /** inet_forward_change: ip_forward and conf.all.forwarding are one integer, copied to default and every device. */
  private setForwardingEverywhere(on: string): void {
    this.values.set('net.ipv4.ip_forward', on);
    const targets = new Set(['all', 'default', ...this.devices]);
    for (const k of this.values.keys()) {
      const dev = FORWARDING_KEY.exec(k)?.[1];
      if (dev !== undefined) targets.add(dev);
    }
    for (const dev of targets) {
      this.values.set(deviceKey(dev, 'forwarding'), on);
      this.syncForwarding(dev);
    }
  }
}

/** sysctl accepts both "net.ipv4.ip_forward" and "net/ipv4/ip_forward". */
export function normalizeKey(key: string): string {
  return key.replace(/\//g, '.');
}
