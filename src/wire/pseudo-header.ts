// Layer wire: the IPv4 addresses that the UDP and TCP checksums cover (RFC 768, RFC 9293 §3.1).
// The protocol number and L4 length of the pseudo-header are filled in by the L4 module itself.

import type { Ipv4Addr } from '../addr/index.js';

export interface PseudoHeader {
  readonly src: Ipv4Addr;
  readonly dst: Ipv4Addr;
}
