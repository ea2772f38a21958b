// Layer tools (ip): the `-d` part of a link line (print_linkinfo under show_details): promiscuity, MTU
// bounds, the kind line with the driver's print_opt (vxlan/geneve in Cilium's collect-metadata form), the
// addrgenmode, queue counts and GSO/TSO limits as the lab's 6.8 kernel reports them per driver.

import type { IpPrinter } from './ip-printer.js';
import type { NetDevice } from '../../net/net-device.js';
import { TunnelDevice } from '../../net/devices/tunnel-device.js';
import { linkKind } from './link-model.js';

export interface DriverLimits {
  readonly minMtu: number;
  readonly maxMtu: number;
  readonly tsoMaxSize: number;
}

/** dev->min_mtu/max_mtu and tso_max_size as each driver sets them. */
export function limitsOf(dev: NetDevice): DriverLimits {
  switch (dev.kind) {
    case 'loopback':
      return { minMtu: 0, maxMtu: 0, tsoMaxSize: 524280 };
    case 'ethernet':
      return { minMtu: 46, maxMtu: 16110, tsoMaxSize: 65536 }; // e1000: ETH_ZLEN - ETH_HLEN .. MAX_JUMBO_FRAME_SIZE - 18
    case 'veth':
      return { minMtu: 68, maxMtu: 65535, tsoMaxSize: 524280 };
    case 'dummy':
      return { minMtu: 0, maxMtu: 0, tsoMaxSize: 65536 };
    case 'vxlan':
      return { minMtu: 68, maxMtu: 65535, tsoMaxSize: 65536 };
    case 'geneve':
      return { minMtu: 68, maxMtu: 65505, tsoMaxSize: 65536 }; // IP_MAX_MTU - GENEVE_BASE_HLEN - ETH_HLEN
  }
}

export interface DetailEnv {
  /** `ip link` (do_link) prints the IPv6 address generation mode; `ip addr -d` does not. */
  readonly doLink: boolean;
  /** num_possible_cpus(): a veth gets one queue per CPU. */
  readonly cpus: number;
}

export function printLinkDetails(pr: IpPrinter, dev: NetDevice, env: DetailEnv): void {
  const l = limitsOf(dev);
  pr.uint('any', 'promiscuity', ' promiscuity %u ', dev.isPromisc ? 1 : 0);
  pr.uint('any', 'allmulti', ' allmulti %u ', 0);
  pr.uint('any', 'min_mtu', 'minmtu %u ', l.minMtu);
  pr.uint('any', 'max_mtu', 'maxmtu %u ', l.maxMtu);
  const kind = linkKind(dev);
  if (kind !== undefined) {
    pr.openObject('linkinfo');
    pr.nl();
    pr.string('any', 'info_kind', '    %s ', kind);
    if (dev instanceof TunnelDevice) {
      pr.openObject('info_data');
      if (dev.kind === 'vxlan') printVxlan(pr, dev);
      else printGeneve(pr, dev);
      pr.closeObject();
    }
    pr.closeObject();
  }
  if (env.doLink) pr.string('any', 'inet6_addr_gen_mode', 'addrgenmode %s ', 'eui64');
  const queues = dev.kind === 'veth' ? env.cpus : 1;
  pr.uint('any', 'num_tx_queues', 'numtxqueues %u ', queues);
  pr.uint('any', 'num_rx_queues', 'numrxqueues %u ', queues);
  pr.uint('any', 'gso_max_size', 'gso_max_size %u ', 65536);
  pr.uint('any', 'gso_max_segs', 'gso_max_segs %u ', 65535);
  pr.uint('any', 'tso_max_size', 'tso_max_size %u ', l.tsoMaxSize);
  pr.uint('any', 'tso_max_segs', 'tso_max_segs %u ', 65535);
  pr.uint('any', 'gro_max_size', 'gro_max_size %u ', 65536);
  const slot = /^enp0s([0-9]+)$/.exec(dev.altnames[0] ?? '')?.[1];
  if (dev.kind === 'ethernet' && slot !== undefined) {
    pr.string('any', 'parentbus', 'parentbus %s ', 'pci');
    pr.string('any', 'parentdev', 'parentdev %s ', `0000:00:${Number(slot).toString(16).padStart(2, '0')}.0`);
  }
}

/** vxlan_print_opt for a collect_md device as Cilium creates it (no learning, TTL auto, default ageing). */
function printVxlan(pr: IpPrinter, dev: TunnelDevice): void {
  pr.bool('any', 'external', 'external ', true);
  pr.uint('any', 'id', 'id %u ', 0);
  if (pr.isJson) {
    pr.openObject('port_range');
    pr.uint('json', 'low', '', 0);
    pr.uint('json', 'high', '', 0);
    pr.closeObject();
  } else {
    pr.fp('srcport 0 0 ');
  }
  pr.uint('any', 'port', 'dstport %u ', dev.dstPort);
  pr.bool('json', 'learning', '', false);
  pr.bool('fp', 'learning', 'nolearning ', true);
  if (pr.isJson) pr.uint('json', 'ttl', '', 0);
  else pr.fp('ttl auto ');
  pr.string('json', 'df', 'df %s ', 'unset');
  pr.uint('any', 'ageing', 'ageing %u ', 300);
  if (pr.isJson) {
    pr.bool('json', 'udp_csum', '', true);
    pr.bool('json', 'udp_zero_csum6_tx', '', false);
    pr.bool('json', 'udp_zero_csum6_rx', '', false);
  } else {
    pr.fp('udpcsum noudp6zerocsumtx noudp6zerocsumrx ');
  }
}

/** geneve_print_opt for Cilium's collect_md cilium_geneve. */
function printGeneve(pr: IpPrinter, dev: TunnelDevice): void {
  pr.bool('any', 'external', 'external ', true);
  if (pr.isJson) pr.uint('json', 'ttl', '', 0);
  else pr.fp('ttl auto ');
  pr.string('json', 'df', 'df %s ', 'unset');
  pr.uint('any', 'port', 'dstport %u ', dev.dstPort);
  if (pr.isJson) {
    pr.bool('json', 'udp_csum', '', false);
    pr.bool('json', 'udp_zero_csum6_tx', '', false);
    pr.bool('json', 'udp_zero_csum6_rx', '', true);
  } else {
    pr.fp('noudpcsum noudp6zerocsumtx udp6zerocsumrx ');
  }
}
