// Layer apps (test support): small labs of network namespaces joined by veth pairs, the way the app tests
// need them: a client and a server, or a client, a router and a server, each with its routes, on one
// shared virtual clock. Not product code; only the *.test.ts files import it.

import { ipv4, mac, parseIpv4, type Ipv4Addr } from '../addr/index.js';
import { VethDevice } from '../net/devices/veth.js';
import { NetContext } from '../net/net-context.js';
import type { NetDevice } from '../net/net-device.js';
import { Netns } from '../net/netns.js';
import { Rng, Scheduler } from '../sim/index.js';

export function ip(text: string): Ipv4Addr {
  const a = parseIpv4(text);
  if (a === undefined) throw new RangeError(`bad IPv4 address ${text}`);
  return a;
}

export class TestLab {
  readonly ctx = new NetContext(new Scheduler(), new Rng(1));
  private macSeq = 1;

  ns(name: string): Netns {
    return new Netns(name, this.ctx);
  }

  /** A veth pair `aName`/`bName` with `a/len` and `b/len` on each end, both up. */
  link(a: Netns, aName: string, aAddr: string, b: Netns, bName: string, bAddr: string, prefixLen = 24): [NetDevice, NetDevice] {
    const [x, y] = VethDevice.pair({ name: aName, mac: this.nextMac() }, { name: bName, mac: this.nextMac() });
    a.addDevice(x);
    b.addDevice(y);
    a.setUp(x, true);
    b.setUp(y, true);
    a.addAddr(x, { addr: ip(aAddr), prefixLen });
    b.addAddr(y, { addr: ip(bAddr), prefixLen });
    return [x, y];
  }

  defaultVia(n: Netns, gw: string): void {
    n.routeAdd({ dst: { addr: ipv4(0), prefixLen: 0 }, gateway: ip(gw) });
  }

  get nowUs(): number {
    return this.ctx.scheduler.nowUs;
  }

  run(forUs: number): void {
    this.ctx.scheduler.runUntil(this.ctx.scheduler.nowUs + forUs);
  }

  runUntilIdle(limitUs = 600_000_000): void {
    this.ctx.scheduler.runWhile(() => true, this.ctx.scheduler.nowUs + limitUs);
  }

  private nextMac(): ReturnType<typeof mac> {
    const n = this.macSeq++;
    return mac([0x02, 0x00, 0x0a, 0x63, (n >> 8) & 255, n & 255]);
  }
}

/** client 10.0.1.1 -- 10.0.1.254 router 10.0.2.254 -- 10.0.2.1 server. */
export function threeHop(lab = new TestLab()): { lab: TestLab; client: Netns; router: Netns; server: Netns } {
  const client = lab.ns('client');
  const router = lab.ns('router');
  const server = lab.ns('server');
  lab.link(client, 'eth0', '10.0.1.1', router, 'eth1', '10.0.1.254');
  lab.link(server, 'eth0', '10.0.2.1', router, 'eth2', '10.0.2.254');
  router.sysctl.set('net.ipv4.ip_forward', '1');
  lab.defaultVia(client, '10.0.1.254');
  lab.defaultVia(server, '10.0.2.254');
  return { lab, client, router, server };
}
