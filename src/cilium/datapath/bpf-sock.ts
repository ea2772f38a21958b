// Layer cilium: socket-level load balancing (bpf/bpf_sock.c, cgroup connect4/sendmsg4/recvmsg4). A connect()
// or sendmsg() to a service frontend (ClusterIP:port) is rewritten to a backend chosen at random per TCP
// connect (per socket for UDP) before any packet exists; a service without backends fails the call with
// EHOSTUNREACH; replies read back as coming from the frontend. Only TCP and UDP: ICMP to a ClusterIP is
// never translated. Each decision is traced (trace_sock notify, stage 'sock-lb') with the backend chosen.

import type { Netns } from '../../net/netns.js';
import type { ServiceFrontend } from '../cluster-state.js';
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
      if (active.length === 0) {
        traceSock(agent, ns, 'no-backend', proto, cookie, svc, dst, undefined, 0);
        return { kind: 'error', errno: 'EHOSTUNREACH', note: `service ${svc.namespace}/${svc.name} has no backends` };
      }
      const key = `${cookie}|${dst.addr}|${dst.port}`;
      let to = proto === 'udp' ? udpChoice.get(key) : undefined;
      if (!to) {
        const b = active[agent.lbRng.int(0, active.length - 1)];
        if (!b) return SOCK_KEEP;
        to = { addr: b.ip, port: b.port };
        if (proto === 'udp') udpChoice.set(key, to);
      }
      revNat.set(`${cookie}|${to.addr}|${to.port}`, dst);
      traceSock(agent, ns, 'post-xlate-fwd', proto, cookie, svc, dst, to, active.length);
      return { kind: 'rewrite', to, note: `${svc.namespace}/${svc.name} ${formatIpv4(dst.addr)}:${dst.port} -> ${formatIpv4(to.addr)}:${to.port}` };
    },
    recvmsg4(_proto: L4Proto, peer: SockAddr, cookie: number): SockAddr {
      if (revNat.size === 0) return peer;
      return revNat.get(`${cookie}|${peer.addr}|${peer.port}`) ?? peer;
    },
  };
}

/** trace_sock notify (bpf/lib/trace_sock.h): the frontend, the backend chosen (if any) and how many were active. */
function traceSock(agent: CiliumAgent, ns: Netns, decision: string, proto: L4Proto, cookie: number, svc: ServiceFrontend, frontend: SockAddr, backend: SockAddr | undefined, backends: number): void {
  const bus = ns.ctx.trace;
  const isHop = bus.has('hop');
  const isNotify = bus.has('notify');
  if (!isHop && !isNotify) return;
  const e = {
    netns: ns,
    dev: undefined,
    traceId: 0,
    timeUs: ns.now,
    stage: 'sock-lb',
    decision,
    detail: {
      node: agent.nodeName,
      program: 'cil_sock4_connect',
      proto,
      cookie,
      service: `${svc.namespace}/${svc.name}`,
      frontend: `${formatIpv4(frontend.addr)}:${frontend.port}`,
      backend: backend ? `${formatIpv4(backend.addr)}:${backend.port}` : undefined,
      backends,
    },
  };
  if (isHop) bus.emit('hop', e);
  if (isNotify) bus.emit('notify', e);
}
