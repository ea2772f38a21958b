// Layer shell: commands the real lab's VMs and the netshoot image have (Ubuntu 24.04's base system, the
// lab's provisioning packages, netshoot's Dockerfile) that ciliumlab does not emulate. Typing one says
// so plainly instead of "command not found", which would claim the real host lacks it.

import type { Tool } from '../../tools/process.js';

const UNMODELLED = new Set([
  // Ubuntu 24.04 server and the lab's provisioning (apt-get install ... conntrack ngrep ipset wireguard jq yq tree termshark)
  'nc', 'netcat', 'wget', 'ps', 'top', 'htop', 'free', 'iptables', 'ip6tables', 'iptables-save', 'iptables-legacy', 'nft', 'ethtool',
  'bridge', 'brctl', 'conntrack', 'ipset', 'ngrep', 'termshark', 'tshark', 'wg', 'jq', 'yq', 'tree', 'mtr', 'socat', 'strace',
  'lsof', 'vim', 'vi', 'nano', 'less', 'journalctl', 'systemctl', 'crictl', 'ctr', 'nerdctl', 'kubeadm', 'tc', 'bpftool',
  // nicolaka/netshoot
  'iperf', 'iperf3', 'nmap', 'nping', 'ncat', 'fping', 'iftop', 'iptraf-ng', 'ipvsadm', 'ltrace', 'tcptraceroute', 'trippy',
  'websocat', 'grpcurl', 'fortio', 'calicoctl', 'ctop', 'http', 'ab', 'openssl', 'drill', 'dhcping', 'swaks', 'scapy', 'speedtest-cli',
]);

/** Whether real hosts of the lab have this command although ciliumlab does not model it. */
export function isUnmodelled(name: string): boolean {
  return UNMODELLED.has(name);
}

/** A stand-in for a real command ciliumlab does not model; undefined for names no real host has. */
export function unmodelledTool(name: string): Tool | undefined {
  if (!UNMODELLED.has(name)) return undefined;
  return async (p) => {
    p.err(`ciliumlab: ${name} is installed on the real lab but not modelled by ciliumlab\n`);
    return 127;
  };
}
