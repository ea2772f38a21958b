// Layer lab (lab file): semantic checks of hosts[].routes and hosts[].sysctl, in the kernel's terms.
// A gateway must sit in a directly connected subnet (fib_check_nh: "Nexthop has invalid gateway"), and
// a route may not repeat the prefix and metric of one the host already has ("RTNETLINK answers: File exists").

import { contains, formatIpv4, formatPrefix, IPV4_ANY, prefixMask, type Ipv4Addr, type Ipv4Cidr } from '../../addr/index.js';
import { describeSubnet, didYouMean, hostAddresses, type HostAddress, type RawHost, type RawLab, type Report } from './check-context.js';
import { VBOX_NAT } from './interface-schema.js';
import { checkSysctl, knownSysctlKeys } from './sysctl-keys.js';

/** A route destination as iproute2 prints it: "default", "10.0.2.2" (a /32) or "10.10.0.0/16". */
function formatDst(c: Ipv4Cidr): string {
  return c.prefixLen === 0 ? 'default' : formatPrefix(c);
}

/** The longest-prefix connected subnet that holds `addr`, optionally only on `dev`. */
export function connectedSubnetFor(addrs: readonly HostAddress[], addr: Ipv4Addr, dev?: string): HostAddress | undefined {
  let best: HostAddress | undefined;
  for (const a of addrs) {
    if (dev !== undefined && a.dev !== dev) continue;
    if (contains(a.subnet, addr) && (best === undefined || a.subnet.prefixLen > best.subnet.prefixLen)) best = a;
  }
  return best;
}

interface ExistingRoute {
  readonly to: Ipv4Cidr;
  readonly metric: number;
  readonly what: string;
}

/** The routes the kernel and DHCP install before netplan's static ones. */
function builtinRoutes(host: RawHost): ExistingRoute[] {
  return hostAddresses(host).flatMap((a): ExistingRoute[] =>
    a.nat
      ? [
          { to: a.subnet, metric: VBOX_NAT.metric, what: `the connected route of ${a.dev} (VirtualBox NAT)` },
          { to: { addr: VBOX_NAT.gateway, prefixLen: 32 }, metric: VBOX_NAT.metric, what: `the DHCP route to 10.0.2.2 on ${a.dev}` },
          { to: { addr: VBOX_NAT.dns, prefixLen: 32 }, metric: VBOX_NAT.metric, what: `the DHCP route to 10.0.2.3 on ${a.dev}` },
          { to: { addr: IPV4_ANY, prefixLen: 0 }, metric: VBOX_NAT.metric, what: `the DHCP default route via 10.0.2.2 on ${a.dev}` },
        ]
      : [{ to: a.subnet, metric: 0, what: `the connected route of ${a.dev}` }],
  );
}

function sameRoute(a: ExistingRoute, b: ExistingRoute): boolean {
  return a.metric === b.metric && a.to.prefixLen === b.to.prefixLen && ((a.to.addr ^ b.to.addr) & prefixMask(a.to.prefixLen)) === 0;
}

export function checkRoutes(host: RawHost, h: number, report: Report): void {
  const addrs = hostAddresses(host);
  const existing = builtinRoutes(host);
  const devs = host.interfaces.map((i) => i.name);
  host.routes.forEach((r, k) => {
    const at = (field: string) => ['hosts', h, 'routes', k, field];
    const route = `${formatDst(r.to)} via ${formatIpv4(r.via)}`;
    if (r.dev !== undefined && !devs.includes(r.dev)) {
      report(at('dev'), 'unknown-interface', `${host.name} has no interface "${r.dev}"${didYouMean(r.dev, devs)}; iproute2 says: Cannot find device "${r.dev}"`);
      return;
    }
    const local = addrs.find((a) => a.addr === r.via);
    if (local) {
      report(at('via'), 'route-gateway-unreachable', `${route}: ${formatIpv4(r.via)} is this host's own address (${local.dev}); iproute2 says: Error: Nexthop has invalid gateway.`);
      return;
    }
    if (r.onlink && r.dev === undefined) {
      report(at('onlink'), 'missing-field', `${route}: onlink needs dev (the link the gateway is on)`);
      return;
    }
    if (!r.onlink && connectedSubnetFor(addrs, r.via, r.dev) === undefined) {
      const subnets = addrs.filter((a) => r.dev === undefined || a.dev === r.dev).map((a) => describeSubnet(host.name, a));
      const scope = r.dev === undefined ? `any subnet directly connected to ${host.name}` : `the subnet of ${r.dev}`;
      report(
        at('via'),
        'route-gateway-unreachable',
        `route via an unreachable gateway: ${formatIpv4(r.via)} is not inside ${scope} (${subnets.join(', ') || 'it has no addresses'}); iproute2 says: Error: Nexthop has invalid gateway.`,
      );
      return;
    }
    const mine: ExistingRoute = { to: r.to, metric: r.metric, what: `hosts[${h}].routes[${k}]` };
    const clash = existing.find((e) => sameRoute(e, mine));
    if (clash) {
      report(at('to'), 'route-exists', `${formatDst(r.to)}${r.metric === 0 ? '' : ` metric ${r.metric}`} is already ${clash.what}; iproute2 says: RTNETLINK answers: File exists`);
      return;
    }
    existing.push(mine);
  });
}

export function checkSysctls(host: RawHost, h: number, report: Report): void {
  const devs = host.interfaces.map((i) => i.name);
  for (const [key, value] of Object.entries(host.sysctl)) {
    const p = checkSysctl(key, value, devs);
    const path = ['hosts', h, 'sysctl', key];
    if (p?.kind === 'unknown-key') {
      report(path, 'unknown-sysctl', `"${key}" is not a sysctl ciliumlab models${didYouMean(key, knownSysctlKeys(devs))}; ${p.reason}`, { at: 'key' });
    } else if (p?.kind === 'unknown-device') {
      report(path, 'unknown-interface', p.reason, { at: 'key' });
    } else if (p?.kind === 'bad-value') {
      report(path, 'invalid-value', p.reason);
    }
  }
}

export function checkRoutesAndSysctls(lab: RawLab, report: Report): void {
  lab.hosts.forEach((host, h) => {
    checkRoutes(host, h, report);
    checkSysctls(host, h, report);
  });
}

