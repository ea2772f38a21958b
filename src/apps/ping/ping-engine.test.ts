// Ping engine against iputils' own arithmetic (the seed's and test/golden/kernel/*/ping.txt numbers) and
// its run-time rules on a client -- router -- server lab.
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../addr/index.js';
import { ip, threeHop } from '../test-topology.js';
import { PingEngine, type PingEvent } from './ping-engine.js';
import { icmpErrorText } from './ping-icmp-text.js';
import type { PingOptions } from './ping-options.js';
import { addRtt, formatG, formatPingTime, llsqrt, newPingCounters, pingStatistics } from './ping-stats.js';

function runPing(opts: Omit<PingOptions, 'ident'> & { ident?: number }, setup?: (t: ReturnType<typeof threeHop>) => void, untilUs = 60_000_000) {
  const t = threeHop();
  setup?.(t);
  const events: PingEvent[] = [];
  const p = new PingEngine(t.client, { ident: 99, ...opts }, (e) => events.push(e));
  const err = p.start();
  t.lab.run(untilUs);
  const done = events.find((e): e is Extract<PingEvent, { kind: 'done' }> => e.kind === 'done');
  return { t, p, err, events, done };
}

describe('ping arithmetic (ping_common.c / ping_output.c)', () => {
  it('reproduces the seed: rtt min/avg/max/mdev = 4.374/5.912/7.450/1.538 ms', () => {
    const c = newPingCounters();
    c.transmitted = 2;
    c.received = 2;
    addRtt(c, 7450);
    addRtt(c, 4374);
    const s = pingStatistics(c, { startUs: 0, lastSendUs: 1_002_400, isTiming: true, hasDeadline: false, count: undefined, showIpg: false });
    expect(s.rtt?.text).toBe('4.374/5.912/7.450/1.538');
    expect(s.timeMs).toBe(1002);
    expect(s.lossText).toBe('0');
    expect(s.exitCode).toBe(0);
  });

  it('one sample gives mdev 0.000 (golden: 0.269/0.269/0.269/0.000)', () => {
    const c = newPingCounters();
    c.transmitted = 1;
    c.received = 1;
    addRtt(c, 269);
    expect(pingStatistics(c, { startUs: 5, lastSendUs: 5, isTiming: true, hasDeadline: false, count: 1, showIpg: false }).rtt?.text).toBe('0.269/0.269/0.269/0.000');
  });

  it('prints loss as a C float with %g', () => {
    expect(formatG(Math.fround((1 * 100.0) / 3))).toBe('33.3333');
    expect(formatG(Math.fround((2 * 100.0) / 3))).toBe('66.6667');
    expect(formatG(100)).toBe('100');
    expect(formatG(Math.fround(100 / 7))).toBe('14.2857');
  });

  it('keeps llsqrt quirks and the time= precision steps', () => {
    expect(llsqrt(3)).toBe(2);
    expect(llsqrt(4)).toBe(2);
    expect(llsqrt(2365444)).toBe(1538);
    expect(formatPingTime(269)).toBe('0.269');
    expect(formatPingTime(3358)).toBe('3.36');
    expect(formatPingTime(7606)).toBe('7.61');
    expect(formatPingTime(9840)).toBe('9.84');
    expect(formatPingTime(9996)).toBe('10.0');
    expect(formatPingTime(123456)).toBe('123');
    expect(formatPingTime(7606, { precise: true })).toBe('7.606');
  });

  it('exit status: 1 when -w is given and fewer than -c replies came (the seed: 1 received of -c 2 -w 1)', () => {
    const c = newPingCounters();
    c.transmitted = 1;
    c.received = 1;
    addRtt(c, 7606);
    expect(pingStatistics(c, { startUs: 0, lastSendUs: 0, isTiming: true, hasDeadline: true, count: 2, showIpg: false }).exitCode).toBe(1);
  });

  it('names ICMP errors as pr_icmph does', () => {
    expect(icmpErrorText(11, 0, 0)).toBe('Time to live exceeded');
    expect(icmpErrorText(3, 1, 0)).toBe('Destination Host Unreachable');
    expect(icmpErrorText(3, 4, 1450)).toBe('Frag needed and DF set (mtu = 1450)');
  });
});

describe('PingEngine on a client -- router -- server lab', () => {
  it('ping -c 1: one reply, ttl 63, 64 bytes, time 0ms, exit 0', () => {
    const { err, events, done } = runPing({ dst: ip('10.0.2.1'), count: 1 });
    expect(err).toBeUndefined();
    const reply = events.find((e) => e.kind === 'reply');
    expect(reply).toMatchObject({ seq: 1, ttl: 63, bytes: 64, isDup: false });
    expect(reply?.kind === 'reply' && reply.rttUs !== undefined && reply.rttUs > 0).toBe(true);
    expect(done?.stats).toMatchObject({ transmitted: 1, received: 1, errors: 0, timeMs: 0, lossText: '0', exitCode: 0 });
  });

  it('ping -c 3 sends once a second and reports time 2000ms', () => {
    const { events, done } = runPing({ dst: ip('10.0.2.1'), count: 3 });
    expect(events.filter((e) => e.kind === 'reply').map((e) => (e.kind === 'reply' ? e.seq : 0))).toEqual([1, 2, 3]);
    expect(done?.stats).toMatchObject({ transmitted: 3, received: 3, timeMs: 2000 });
  });

  it('ping -c 2 -w 1 -W 1 into a black hole: 1 transmitted, 0 received, exit 1 (golden native)', () => {
    const { done } = runPing({ dst: ip('10.0.9.9'), count: 2, deadlineS: 1, lingerUs: 1_000_000 }, ({ router }) => {
      router.routeAdd({ dst: { addr: ip('10.0.9.0'), prefixLen: 24 }, gateway: ip('10.0.2.1') });
    });
    expect(done?.stats).toMatchObject({ transmitted: 1, received: 0, errors: 0, lossText: '100', timeMs: 0 });
    expect(done?.exitCode).toBe(1);
  });

  it('ping -c 2 -w 1 -W 1 that is answered: 1 transmitted, 1 received, still exit 1 (golden tunnel, the seed)', () => {
    const { done } = runPing({ dst: ip('10.0.2.1'), count: 2, deadlineS: 1, lingerUs: 1_000_000 });
    expect(done?.stats).toMatchObject({ transmitted: 1, received: 1, timeMs: 0 });
    expect(done?.exitCode).toBe(1);
  });

  it('-M do -s 1500 over a 1450 route: EMSGSIZE per probe, +N errors, exit 1', () => {
    const { events, done } = runPing({ dst: ip('10.0.2.1'), count: 2, pmtudisc: 'do', size: 1500 }, ({ client }) => {
      client.routeAdd({ dst: { addr: ip('10.0.2.0'), prefixLen: 24 }, gateway: ip('10.0.1.254'), mtu: 1450 });
    });
    const errs = events.filter((e) => e.kind === 'send-error');
    expect(errs).toHaveLength(2);
    expect(errs[0]).toMatchObject({ seq: 1, errno: 'EMSGSIZE', mtu: 1450, report: 'sendmsg', isCounted: true });
    expect(done?.stats).toMatchObject({ transmitted: 2, received: 0, errors: 2, timeMs: 1000 });
    expect(done?.exitCode).toBe(1);
  });

  it('-M do -s 1422 over a 1450 route passes: "1430 bytes from" (golden tunnel)', () => {
    const { events, done } = runPing({ dst: ip('10.0.2.1'), count: 1, pmtudisc: 'do', size: 1422 }, ({ client }) => {
      client.routeAdd({ dst: { addr: ip('10.0.2.0'), prefixLen: 24 }, gateway: ip('10.0.1.254'), mtu: 1450 });
    });
    expect(events.find((e) => e.kind === 'reply')).toMatchObject({ seq: 1, bytes: 1430, ttl: 63 });
    expect(done?.exitCode).toBe(0);
  });

  it('-I eth0 binds to the device and reports the source it will use', () => {
    const { events, done } = runPing({ dst: ip('10.0.2.1'), count: 1, iface: 'eth0' });
    expect(events[0]).toMatchObject({ kind: 'start', device: 'eth0', source: ip('10.0.1.1'), dataBytes: 56 });
    expect(done?.stats.received).toBe(1);
  });

  it('Ubuntu 24.04 ping (iputils 20240117) reports the same failure as a local error', () => {
    const { events } = runPing({ dst: ip('10.0.2.1'), count: 1, pmtudisc: 'do', size: 1500, release: '20240117' }, ({ client }) => {
      client.routeAdd({ dst: { addr: ip('10.0.2.0'), prefixLen: 24 }, gateway: ip('10.0.1.254'), mtu: 1450 });
    });
    expect(events.find((e) => e.kind === 'send-error')).toMatchObject({ report: 'local-error', mtu: 1450 });
  });

  it('-t 1: "From 10.0.1.254 icmp_seq=1 Time to live exceeded", counted as an error', () => {
    const { events, done } = runPing({ dst: ip('10.0.2.1'), count: 1, ttl: 1 });
    const e = events.find((x) => x.kind === 'error');
    expect(e).toMatchObject({ seq: 1, type: 11, code: 0 });
    expect(e?.kind === 'error' && formatIpv4(e.from)).toBe('10.0.1.254');
    expect(done?.stats).toMatchObject({ transmitted: 1, received: 0, errors: 1 });
    expect(done?.exitCode).toBe(1);
  });

  it('a router whose ARP goes unanswered: "From 10.0.1.254 icmp_seq=N Destination Host Unreachable", pipe N', () => {
    const { events, done } = runPing({ dst: ip('10.0.2.50'), count: 5, intervalMs: 200 });
    const errs = events.filter((e) => e.kind === 'error');
    expect(errs.length).toBe(5);
    expect(errs.every((e) => e.kind === 'error' && e.type === 3 && e.code === 1 && formatIpv4(e.from) === '10.0.1.254')).toBe(true);
    expect(done?.stats).toMatchObject({ transmitted: 5, received: 0, errors: 5, timeMs: 800, pipe: 5 });
    expect(done?.exitCode).toBe(1);
  });

  it('an unanswered ARP on our own subnet: "From 10.0.1.1 icmp_seq=N Destination Host Unreachable" (the kernel tells itself)', () => {
    const { events, done } = runPing({ dst: ip('10.0.1.50'), count: 5, intervalMs: 200 });
    const errs = events.filter((e) => e.kind === 'error');
    expect(errs.length).toBe(5);
    expect(errs.every((e) => e.kind === 'error' && e.type === 3 && e.code === 1 && formatIpv4(e.from) === '10.0.1.1')).toBe(true);
    // The real iputils run on a veth pair: "5 packets transmitted, 0 received, +5 errors, 100% packet loss, time 817ms / pipe 5".
    expect(done?.stats).toMatchObject({ transmitted: 5, received: 0, errors: 5, lossText: '100', pipe: 5 });
  });

  it('ping our own address answers through lo, ttl 64', () => {
    const { events, done } = runPing({ dst: ip('10.0.1.1'), count: 1 });
    expect(events.find((e) => e.kind === 'reply')).toMatchObject({ seq: 1, ttl: 64, bytes: 64 });
    expect(done?.exitCode).toBe(0);
  });

  it('Ctrl-C after 3.5 s: 4 transmitted, time 3000ms, exit 0', () => {
    const t = threeHop();
    const events: PingEvent[] = [];
    const p = new PingEngine(t.client, { ident: 7, dst: ip('10.0.2.1') }, (e) => events.push(e));
    p.start();
    t.lab.run(3_500_000);
    p.interrupt();
    const done = events.find((e) => e.kind === 'done');
    expect(done).toMatchObject({ kind: 'done', isInterrupted: true, exitCode: 0, stats: { transmitted: 4, received: 4, timeMs: 3000 } });
  });

  it('fails before sending when there is no route: connect: Network is unreachable, exit 2', () => {
    const t = threeHop();
    const p = new PingEngine(t.server, { ident: 1, dst: ip('192.168.99.1') }, () => undefined);
    t.server.routeDel({ dst: { addr: ip('0.0.0.0'), prefixLen: 0 } });
    expect(p.start()).toEqual({ call: 'connect', errno: 'ENETUNREACH', exitCode: 2 });
    expect(new PingEngine(t.client, { ident: 1, dst: ip('10.0.2.1'), iface: 'eth9' }, () => undefined).start()).toEqual({ call: 'SO_BINDTODEVICE eth9', errno: 'ENODEV', exitCode: 2 });
  });
});
