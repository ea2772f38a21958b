// Layer cilium: socket-level load balancing (bpf/bpf_sock.c, cgroup connect4/sendmsg4/recvmsg4). A connect()
// or sendmsg() to a service frontend (ClusterIP:port) is rewritten to a backend chosen at random per TCP
// connect (per socket for UDP) before any packet exists; a service without backends fails the call with
// EHOSTUNREACH; replies read back as coming from the frontend. Only TCP and UDP: ICMP to a ClusterIP is
// never translated.

import type { Netns } from '../../net/netns.js';
import { SOCK_KEEP, type L4Proto, type SockAddr, type SockHookResult } from '../../net/sock-hooks.js';
import { formatIpv4 } from '../../addr/index.js';
import type { CiliumAgent } from '../agent.js';

export function installSockLb(agent: CiliumAgent, ns: Netns): void {
  const revNat = new Map<string, SockAddr>();
  const udpChoice = new Map<string, SockAddr>();
  ns.sockHooks = {
    connect4(proto: L4Proto, dst: SockAddr, cookie: number): SockHookResult {
      if (!agent.dp?.config.enableSocketLb) return SOCK_KEEP;
      const svc = agent.cluster.service(dst.addr, dst.port, proto === 'tcp' ? 'TCP' : 'UDP');
      if (!svc) return SOCK_KEEP;
      const active = svc.backends.filter((b) => b.state === 'active');
      if (active.length === 0) return { kind: 'error', errno: 'EHOSTUNREACH', note: `service ${svc.namespace}/${svc.name} has no backends` };
      const key = `${cookie}|${dst.addr}|${dst.port}`;
      let to = proto === 'udp' ? udpChoice.get(key) : undefined;
      if (!to) {
        const b = active[agent.lbRng.int(0, active.length - 1)];
        if (!b) return SOCK_KEEP;
        to = { addr: b.ip, port: b.port };
        if (proto === 'udp') udpChoice.set(key, to);
      }
      revNat.set(`${cookie}|${to.addr}|${to.port}`, dst);
      return { kind: 'rewrite', to, note: `${svc.namespace}/${svc.name} ${formatIpv4(dst.addr)}:${dst.port} -> ${formatIpv4(to.addr)}:${to.port}` };
    },
    recvmsg4(_proto: L4Proto, peer: SockAddr, cookie: number): SockAddr {
      return revNat.get(`${cookie}|${peer.addr}|${peer.port}`) ?? peer;
    },
  };
}
