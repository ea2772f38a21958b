// Layer lab (lab file): the sysctls a lab file may set: the ones the emulated kernel models, with their
// /proc/sys value syntax. `net.ipv4.conf.<dev>.*` takes all, default, lo or one of the host's devices.
// An unknown key is an error (a typo would otherwise silently do nothing), with the nearest known key.

import { z } from 'zod';

type ValueKind = 'bool' | 'rp_filter' | 'ttl' | 'int' | 'port-range';

const GLOBAL_KEYS: Readonly<Record<string, ValueKind>> = {
  'net.ipv4.ip_forward': 'bool',
  'net.ipv4.ip_default_ttl': 'ttl',
  'net.ipv4.ip_local_port_range': 'port-range',
  'net.ipv4.icmp_echo_ignore_all': 'bool',
  'net.ipv4.icmp_echo_ignore_broadcasts': 'bool',
  'net.ipv4.icmp_ratelimit': 'int',
  'net.ipv4.ip_no_pmtu_disc': 'int',
  'net.ipv4.tcp_syn_retries': 'int',
  'net.ipv4.tcp_synack_retries': 'int',
  'net.ipv4.neigh.default.gc_stale_time': 'int',
  'net.core.somaxconn': 'int',
  'net.bridge.bridge-nf-call-iptables': 'bool',
  'net.bridge.bridge-nf-call-ip6tables': 'bool',
};

const CONF_KEYS: Readonly<Record<string, ValueKind>> = {
  forwarding: 'bool',
  rp_filter: 'rp_filter',
  proxy_arp: 'bool',
  accept_redirects: 'bool',
  send_redirects: 'bool',
  accept_local: 'bool',
  route_localnet: 'bool',
  log_martians: 'bool',
  arp_ignore: 'int',
  arp_announce: 'int',
};

/** A sysctl value as YAML gives it, normalised to the text /proc/sys holds. Booleans are refused (sysctl wants 0/1). */
export const sysctlValue = z.union([z.string(), z.number()], {
  error: (i) => (typeof i.input === 'boolean' ? `${String(i.input)} is not a sysctl value; write 1 or 0` : 'expected a number or a string'),
}).transform((v) => String(v));

export type SysctlProblem =
  | { readonly kind: 'unknown-key'; readonly reason: string }
  | { readonly kind: 'unknown-device'; readonly reason: string }
  | { readonly kind: 'bad-value'; readonly reason: string };

function valueProblem(kind: ValueKind, value: string): string | undefined {
  const int = /^-?[0-9]+$/.test(value) ? Number(value) : undefined;
  switch (kind) {
    case 'bool':
      return value === '0' || value === '1' ? undefined : 'expects 0 or 1';
    case 'rp_filter':
      return int !== undefined && int >= 0 && int <= 2 ? undefined : 'expects 0, 1 or 2';
    case 'ttl':
      return int !== undefined && int >= 1 && int <= 255 ? undefined : 'expects 1-255';
    case 'int':
      return int !== undefined ? undefined : 'expects an integer';
    case 'port-range': {
      const m = /^([0-9]+)\s+([0-9]+)$/.exec(value);
      const lo = Number(m?.[1]);
      const hi = Number(m?.[2]);
      return m && lo >= 1 && lo <= hi && hi <= 65535 ? undefined : 'expects "<low> <high>" ports, e.g. "32768 60999"';
    }
  }
}

/** Every key this host may set, for suggestions. */
export function knownSysctlKeys(devices: readonly string[]): string[] {
  const devs = ['all', 'default', 'lo', ...devices];
  return [...Object.keys(GLOBAL_KEYS), ...devs.flatMap((d) => Object.keys(CONF_KEYS).map((k) => `net.ipv4.conf.${d}.${k}`))];
}

/** Checks one `sysctl:` entry against the host's devices; undefined when it is fine. */
export function checkSysctl(key: string, value: string, devices: readonly string[]): SysctlProblem | undefined {
  let kind = GLOBAL_KEYS[key];
  const conf = /^net\.ipv4\.conf\.([^.]+)\.([a-z_]+)$/.exec(key);
  if (kind === undefined && conf) {
    const [, dev = '', leaf = ''] = conf;
    const leafKind = CONF_KEYS[leaf];
    if (leafKind !== undefined && !['all', 'default', 'lo', ...devices].includes(dev)) {
      return { kind: 'unknown-device', reason: `this host has no device "${dev}" (devices: all, default, lo${devices.map((d) => `, ${d}`).join('')})` };
    }
    kind = leafKind;
  }
  if (kind === undefined) {
    return { kind: 'unknown-key', reason: `Linux would say: sysctl: cannot stat /proc/sys/${key.replaceAll('.', '/')}: No such file or directory` };
  }
  const problem = valueProblem(kind, value);
  return problem === undefined ? undefined : { kind: 'bad-value', reason: `${JSON.stringify(value)} is not a valid value: ${key} ${problem}` };
}
