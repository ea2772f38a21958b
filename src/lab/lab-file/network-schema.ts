// Layer lab (lab file): the `networks:` section. A network is one L2 broadcast domain (a VirtualBox
// host-only network, a switch, a rack's ToR VLAN) with an IPv4 prefix and a one-way latency per hop.

import { z } from 'zod';
import { duration, networkName, networkPrefix } from './fields.js';

export const DEFAULT_LATENCY_US = 400;

export const networkSchema = z
  .strictObject({
    name: networkName.describe('Unique name of the segment, referenced by hosts[].interfaces[].network.'),
    cidr: networkPrefix().describe('The IPv4 prefix of the segment, e.g. 192.168.10.0/24 (host bits must be zero).'),
    latency: duration({ minUs: 0, maxUs: 10_000_000, what: 'latency must be between 0 and 10s' })
      .prefault(`${DEFAULT_LATENCY_US}us`)
      .describe('One-way latency of a frame crossing the segment, as a Go duration ("400us", "0.4ms", "1ms"). Default 400us.'),
    description: z.string().optional().describe('Free text shown in the topology view.'),
  })
  .describe('An L2 segment (broadcast domain).');
