// Layer cilium: random locally administered unicast MACs, as Linux gives new veth and vxlan devices
// (eth_hw_addr_random: the multicast bit cleared, the locally-administered bit set).

import type { MacAddr } from '../../addr/index.js';
import { mac } from '../../addr/index.js';
import type { Rng } from '../../sim/index.js';

export function randomMac(rng: Rng): MacAddr {
  const b = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255), rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  b[0] = ((b[0] ?? 0) & 0xfe) | 0x02;
  return mac(b);
}
