// conntrack.h's rules on hand-made frames, the cases the seed's traffic does not reach: an RST before both
// SYNs closes both ways, a SYN reopens a closing entry (CT_NEW), a FIN pair leaves the 10 s close timeout
// that later packets do not renew, an ICMP error finds the related entry; and the GC's interval (5 min,
// 1.5x after a scan that deleted something, rounded to the second; conntrack-gc-interval fixes it).

import { describe, expect, test } from 'vitest';
import type { Machine } from '../../../net/machine.js';
import { Rng, Scheduler } from '../../../sim/index.js';
import { agentConfigFromConfigMap } from '../../agent-config.js';
import { NatMap } from '../nat/nat-map.js';
import { Conntrack, type CtDir } from './conntrack.js';
import { CtGc } from './ct-gc.js';
import { ctPacket4, type CtPacket } from './ct-tuple.js';

const A = [10, 0, 0, 1];
const B = [10, 0, 0, 2];
const SYN = 0x02;
const ACK = 0x10;
const FIN = 0x01;
const RST = 0x04;

/** An Ethernet + IPv4 frame: TCP with flags, UDP, or ICMP of a type (echo id 7). */
function frame(proto: 'tcp' | 'icmp', src: number[], dst: number[], sport: number, dport: number, flagsOrType: number): Uint8Array {
  const b = new Uint8Array(14 + 20 + 20);
  b[12] = 0x08;
  b[14] = 0x45;
  b[14 + 9] = proto === 'tcp' ? 6 : 1;
  b.set(src, 26);
  b.set(dst, 30);
  if (proto === 'icmp') {
    b[34] = flagsOrType;
    b[39] = 7;
    return b;
  }
  b.set([sport >> 8, sport & 0xff, dport >> 8, dport & 0xff], 34);
  b[34 + 13] = flagsOrType;
  return b;
}

function setup(data: Record<string, string> = {}) {
  const scheduler = new Scheduler();
  scheduler.nowUs = 100_000_000;
  const ct = new Conntrack({ bootUs: 0 } as Machine, scheduler);
  const config = agentConfigFromConfigMap(data).conntrack;
  const gc = new CtGc(ct, new NatMap(new Rng(1)), (_c, atUs) => Math.floor(atUs / 1_000_000));
  ct.gc = gc;
  /** What bpf_lxc does with one packet: lookup (SCOPE_BIDIR), and create on CT_NEW. */
  const pass = (f: Uint8Array, dir: CtDir) => {
    const p = ctPacket4(f, 14) as CtPacket;
    const status = ct.lookup4(p, dir, 'bidir', config);
    if (status === 'new') ct.create4(p, dir, { srcSecId: 1 }, config, { withRelated: true });
    return status;
  };
  const entry = () => [...ct.tcp.entries()][0]?.[1];
  return { scheduler, ct, gc, config, pass, entry };
}

describe('TCP state', () => {
  test('SYN timeout until a non-SYN, then the established lifetime; FIN both ways: 10 s, not renewed by the last ACK', () => {
    const { scheduler, pass, entry } = setup();
    expect(pass(frame('tcp', A, B, 40000, 80, SYN), 'egress')).toBe('new');
    expect(entry()?.lifetime).toBe(100 + 60);
    expect(pass(frame('tcp', B, A, 80, 40000, SYN | ACK), 'ingress')).toBe('reply');
    expect(entry()?.lifetime).toBe(100 + 60);
    expect(pass(frame('tcp', A, B, 40000, 80, ACK), 'egress')).toBe('established');
    expect([entry()?.lifetime, entry()?.flags]).toEqual([100 + 8000, 0x10]);
    scheduler.nowUs += 2_000_000;
    pass(frame('tcp', A, B, 40000, 80, FIN | ACK), 'egress');
    pass(frame('tcp', B, A, 80, 40000, FIN | ACK), 'ingress');
    expect([entry()?.lifetime, entry()?.flags]).toEqual([102 + 10, 0x13]);
    scheduler.nowUs += 3_000_000;
    pass(frame('tcp', A, B, 40000, 80, ACK), 'egress');
    expect(entry()?.lifetime).toBe(102 + 10);
  });

  test('an RST before both sides sent a SYN closes both ways at once', () => {
    const { pass, entry } = setup();
    pass(frame('tcp', A, B, 40001, 80, SYN), 'egress');
    pass(frame('tcp', B, A, 80, 40001, RST | ACK), 'ingress');
    expect([entry()?.flags, entry()?.lifetime]).toEqual([0x13, 100 + 10]);
  });

  test('a SYN to a closing entry is CT_NEW: the entry is created afresh', () => {
    const { pass, entry } = setup();
    pass(frame('tcp', A, B, 40002, 80, SYN), 'egress');
    pass(frame('tcp', B, A, 80, 40002, RST), 'ingress');
    expect(pass(frame('tcp', A, B, 40002, 80, SYN), 'egress')).toBe('new');
    expect([entry()?.flags, entry()?.txFlagsSeen, entry()?.rxFlagsSeen]).toEqual([0, SYN, 0]);
  });
});

test('an ICMP error about a connection matches its related entry', () => {
  const { ct, pass } = setup();
  pass(frame('tcp', A, B, 40003, 80, SYN), 'egress');
  expect([...ct.any.entries()].map(([k]) => k.flags)).toEqual([2]);
  expect(pass(frame('icmp', B, A, 0, 0, 3), 'ingress')).toBe('related');
});

describe('the GC interval', () => {
  /** The gaps after the first scans (the agent's initial one first); with `deletes`, each finds an expired entry. */
  const run = (data: Record<string, string>, deletes: boolean) => {
    const { scheduler, gc, config, pass } = setup(data);
    gc.start(scheduler.nowUs, config);
    const gaps: number[] = [];
    for (let i = 0; i < 7; i++) {
      const dueUs = gc.dueUs;
      if (deletes) {
        scheduler.nowUs = dueUs - 2_000_000;
        pass(frame('icmp', A, B, 0, 0, 8), 'egress');
      }
      scheduler.nowUs = dueUs;
      gc.catchUp(scheduler.nowUs);
      gaps.push((gc.dueUs - dueUs) / 1_000_000);
    }
    return gaps;
  };

  test('5 min while scans delete nothing', () => {
    expect(run({}, false)).toEqual([300, 300, 300, 300, 300, 300, 300]);
  });

  test('1.5x, rounded to the second, after each scan that deleted something', () => {
    expect(run({ 'bpf-ct-timeout-regular-any': '0s' }, true)).toEqual([450, 675, 1013, 1520, 2280, 3420, 5130]);
  });

  test('conntrack-gc-interval fixes it', () => {
    expect(run({ 'conntrack-gc-interval': '1m30s', 'bpf-ct-timeout-regular-any': '0s' }, true)).toEqual([90, 90, 90, 90, 90, 90, 90]);
  });
});

test('with enable-bpf-clock-probe the clock is jiffies >> 8 (HZ 1000, jiffies_64 starting 300 s before its 32-bit wrap)', () => {
  const { pass, ct } = setup({ 'enable-bpf-clock-probe': 'true' });
  pass(frame('icmp', A, B, 0, 0, 8), 'egress');
  // 100 s after boot: (2^32 - 300000 + 100000) >> 8 = 16776434; 60 s = (60000 >> 8) = 234.
  expect([...ct.any.entries()].map(([, e]) => [e.lifetime, e.lastTxReport])).toEqual([
    [16776434 + 234, 16776434],
    [16776434 + 234, 16776434],
  ]);
});
