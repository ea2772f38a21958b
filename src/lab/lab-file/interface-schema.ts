// Layer lab (lab file): `hosts[].interfaces[]`. An ethernet NIC plugged into a network, a VirtualBox
// NAT NIC (`nat: true`: 10.0.2.15/24 from DHCP, gateway 10.0.2.2, DNS 10.0.2.3, its own private outside
// that swallows packets), or a dummy device (iproute2 `ip link add NAME type dummy`, state UNKNOWN).

import { z } from 'zod';
import { ipv4, type Ipv4Addr, type Ipv4Cidr } from '../../addr/index.js';
import { ifName, interfaceAddress, macAddress, networkName } from './fields.js';

/** What VirtualBox's NAT engine hands every VM on its NAT NIC (the same on every VM; each VM has its own NAT). */
export const VBOX_NAT = {
  address: { addr: ipv4(0x0a00020f), prefixLen: 24 }, // 10.0.2.15/24
  gateway: ipv4(0x0a000202), // 10.0.2.2
  dns: ipv4(0x0a000203), // 10.0.2.3
  /** systemd-networkd installs the DHCP routes with this metric ("default via 10.0.2.2 ... metric 100"). */
  metric: 100,
} as const satisfies { address: Ipv4Cidr; gateway: Ipv4Addr; dns: Ipv4Addr; metric: number };

export const DEFAULT_MTU = 1500;

export const INTERFACE_TYPES = ['ethernet', 'dummy'] as const;
export type InterfaceType = (typeof INTERFACE_TYPES)[number];

export const interfaceSchema = z
  .strictObject({
    name: ifName.describe('Linux device name, e.g. eth1 (1-15 characters).'),
    type: z.enum(INTERFACE_TYPES).default('ethernet').describe('ethernet (a NIC) or dummy (ip link add NAME type dummy). Default ethernet.'),
    nat: z.boolean().default(false).describe('A VirtualBox NAT NIC: 10.0.2.15/24 by DHCP, default via 10.0.2.2 metric 100. Implies type ethernet; takes no network or address.'),
    network: networkName.optional().describe('The networks[].name this NIC is plugged into (ethernet only).'),
    address: interfaceAddress.optional().describe('IPv4 address with prefix length, e.g. 192.168.10.100/24. Must lie inside the network.'),
    mtu: z
      .int()
      .min(68, { error: (i) => `mtu ${String(i.input)} is below the device minimum of 68; iproute2 says: Error: mtu less than device minimum.` })
      .max(65535, { error: (i) => `mtu ${String(i.input)} is above the device maximum; iproute2 says: Error: mtu greater than device maximum.` })
      .default(DEFAULT_MTU)
      .describe('Device MTU (68-16110 for ethernet, the e1000 NIC VirtualBox emulates; up to 65535 for dummy). Default 1500.'),
    mac: macAddress.optional().describe('Unicast MAC address; default: a VirtualBox-style 08:00:27:xx:xx:xx drawn from the lab seed.'),
    altname: ifName.optional().describe('Alternative name shown by `ip link` ("altname enp0s8"). Default for ethernet NICs: the VirtualBox PCI name by NIC order (enp0s3, enp0s8, enp0s9, enp0s10, ...).'),
  })
  .describe('A network device of the host.');

/** VirtualBox's PCI slots for NIC 1..8 give these predictable names. */
export const VBOX_ALTNAMES = ['enp0s3', 'enp0s8', 'enp0s9', 'enp0s10', 'enp0s16', 'enp0s17', 'enp0s18', 'enp0s19'] as const;
