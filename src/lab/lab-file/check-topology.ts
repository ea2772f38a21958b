// Layer lab (lab file): semantic checks of networks, hosts and interfaces: unique names, non-overlapping
// networks, every NIC on a known network with an address inside it, no address used twice, no MAC used
// twice on a segment, no two connected subnets of one host overlapping.

import { broadcast, contains, formatCidr, formatIpv4, formatMac, network, overlaps, type Ipv4Addr } from '../../addr/index.js';
import { describeSubnet, didYouMean, hostAddresses, interfaceAddress, type FieldPath, type HostAddress, type RawHost, type RawInterface, type RawLab, type Report } from './check-context.js';

/** The largest MTU of the Intel PRO/1000 (e1000) NIC that VirtualBox emulates. */
const ETHERNET_MAX_MTU = 16110;

const CILIUM_DEVICE = /^(cilium_|lxc)/;

/** Reports every repeated `name`; `label` is how the list is written in messages ("hosts[0].interfaces"). */
function checkUniqueNames(items: readonly { name: string }[], base: FieldPath, label: string, what: string, report: Report): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.name);
    if (first === undefined) seen.set(item.name, i);
    else report([...base, i, 'name'], 'duplicate-name', `duplicate ${what} name "${item.name}" (also ${label}[${first}])`);
  });
}

export function checkNetworks(lab: RawLab, report: Report): void {
  checkUniqueNames(lab.networks, ['networks'], 'networks', 'network', report);
  lab.networks.forEach((n, i) => {
    lab.networks.slice(0, i).forEach((m, j) => {
      if (overlaps(n.cidr, m.cidr)) {
        report(['networks', i, 'cidr'], 'network-overlap', `${formatCidr(n.cidr)} overlaps network ${m.name} (${formatCidr(m.cidr)}, networks[${j}])`);
      }
    });
  });
}

function checkInterface(lab: RawLab, host: RawHost, h: number, k: number, report: Report): void {
  const i = host.interfaces[k];
  if (i === undefined) return;
  const at = (field: string) => ['hosts', h, 'interfaces', k, field];
  if (i.name === 'lo') report(at('name'), 'invalid-name', 'lo is the loopback device every host already has (127.0.0.1/8); give this interface another name');
  if (host.role === 'node' && CILIUM_DEVICE.test(i.name)) {
    report(at('name'), 'invalid-name', `${i.name} is a name Cilium uses for its own devices (cilium_host, cilium_net, cilium_vxlan, lxc*); give this interface another name`);
  }
  if (i.type === 'ethernet' && i.mtu > ETHERNET_MAX_MTU) {
    report(at('mtu'), 'out-of-range', `mtu ${i.mtu} is above the device maximum of ${ETHERNET_MAX_MTU} (e1000); iproute2 says: Error: mtu greater than device maximum.`);
  }
  if (i.nat) {
    if (i.type !== 'ethernet') report(at('type'), 'invalid-value', 'a NAT interface is an ethernet NIC; remove type or nat');
    if (i.network !== undefined) report(at('network'), 'invalid-value', 'a NAT interface is not on a lab network (VirtualBox gives every VM its own NAT); remove network or nat');
    if (i.address !== undefined) report(at('address'), 'invalid-value', 'a NAT interface always gets 10.0.2.15/24 from VirtualBox DHCP; remove address');
    return;
  }
  if (i.type === 'dummy') {
    if (i.network !== undefined) report(at('network'), 'invalid-value', 'a dummy interface has no link to plug into a network; remove network, or make it type ethernet');
    return;
  }
  if (i.network === undefined) {
    report(['hosts', h, 'interfaces', k], 'missing-field', `ethernet interface ${i.name} needs network: <a networks[].name> (or nat: true)`);
    return;
  }
  const net = lab.networks.find((n) => n.name === i.network);
  if (net === undefined) {
    const names = lab.networks.map((n) => n.name);
    report(at('network'), 'unknown-network', `unknown network "${i.network}"${didYouMean(i.network, names)} (networks: ${names.join(', ') || 'none'})`);
    return;
  }
  const a = i.address;
  if (a === undefined) return;
  const text = formatCidr(a);
  const where = `network ${net.name} (${formatCidr(net.cidr)})`;
  if (!contains(net.cidr, a.addr)) report(at('address'), 'address-outside-network', `${text} is not inside ${where}`);
  else if (a.prefixLen !== net.cidr.prefixLen) {
    report(at('address'), 'address-outside-network', `${text} has prefix length /${a.prefixLen} but ${where} is a /${net.cidr.prefixLen}; write ${formatIpv4(a.addr)}/${net.cidr.prefixLen}`);
  } else if (a.prefixLen < 31 && a.addr === network(a).addr) {
    report(at('address'), 'invalid-address', `${text} is the network address of ${where}; pick a host address`);
  } else if (a.prefixLen < 31 && a.addr === broadcast(a)) {
    report(at('address'), 'invalid-address', `${text} is the broadcast address of ${where}; pick a host address`);
  }
}

export function checkHosts(lab: RawLab, report: Report): void {
  checkUniqueNames(lab.hosts, ['hosts'], 'hosts', 'host', report);
  lab.hosts.forEach((host, h) => {
    checkUniqueNames(host.interfaces, ['hosts', h, 'interfaces'], `hosts[${h}].interfaces`, 'interface', report);
    host.interfaces.forEach((_, k) => checkInterface(lab, host, h, k, report));
    const natCount = host.interfaces.filter((i) => i.nat).length;
    if (natCount > 1) {
      const k = host.interfaces.findLastIndex((i) => i.nat);
      report(['hosts', h, 'interfaces', k, 'nat'], 'duplicate-address', 'a host can have only one NAT interface (both would be 10.0.2.15/24)');
    }
    checkHostSubnets(lab, host, h, report);
  });
  checkDuplicateAddresses(lab, report);
  checkDuplicateMacs(lab, report);
}

/** True when an ethernet NIC's address passed checkInterface (inside its network, same prefix, a host address). */
function isValidNetworkAddress(lab: RawLab, i: RawInterface): boolean {
  const net = lab.networks.find((n) => n.name === i.network);
  const a = i.address;
  if (net === undefined || a === undefined) return false;
  const hostPart = a.prefixLen >= 31 || (a.addr !== network(a).addr && a.addr !== broadcast(a));
  return contains(net.cidr, a.addr) && a.prefixLen === net.cidr.prefixLen && hostPart;
}

/** Two connected subnets of one host that overlap make the kernel's choice of device arbitrary. */
function checkHostSubnets(lab: RawLab, host: RawHost, h: number, report: Report): void {
  const usable = (a: HostAddress): boolean => {
    const i = host.interfaces[a.index];
    if (i === undefined || i.type === 'dummy') return i !== undefined;
    return i.nat ? host.interfaces.filter((x) => x.nat).length === 1 : isValidNetworkAddress(lab, i);
  };
  const addrs = hostAddresses(host).filter(usable);
  addrs.forEach((a, i) => {
    for (const b of addrs.slice(0, i)) {
      if (a.dev === b.dev || !overlaps(a.subnet, b.subnet)) continue;
      const field = a.nat ? 'nat' : 'address';
      report(['hosts', h, 'interfaces', a.index, field], 'subnet-overlap', `${formatCidr(a.subnet)} on ${a.dev} overlaps ${describeSubnet(host.name, b)} on the same host`);
    }
  });
}

function checkDuplicateAddresses(lab: RawLab, report: Report): void {
  const seen = new Map<Ipv4Addr, string>();
  lab.hosts.forEach((host, h) => {
    host.interfaces.forEach((i, k) => {
      const a = interfaceAddress(i);
      if (a === undefined || i.nat) return; // every VM has its own NAT with 10.0.2.15
      const owner = seen.get(a.addr);
      if (owner === undefined) seen.set(a.addr, `${i.name} on ${host.name}`);
      else report(['hosts', h, 'interfaces', k, 'address'], 'duplicate-address', `${formatIpv4(a.addr)} is already the address of ${owner}`);
    });
  });
}

function checkDuplicateMacs(lab: RawLab, report: Report): void {
  const seen = new Map<number, string>();
  lab.hosts.forEach((host, h) => {
    host.interfaces.forEach((i, k) => {
      if (i.mac === undefined) return;
      const owner = seen.get(i.mac);
      if (owner === undefined) seen.set(i.mac, `${i.name} on ${host.name}`);
      else report(['hosts', h, 'interfaces', k, 'mac'], 'duplicate-address', `${formatMac(i.mac)} is already the MAC address of ${owner}`);
    });
  });
}

