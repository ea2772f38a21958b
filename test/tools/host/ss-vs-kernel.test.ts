// ss against iproute2 6.1's ss: a real namespace whose sockets mirror the lab router's (Apache's TCP
// listener on 0.0.0.0:80 with the same backlog, plus a UDP socket on 0.0.0.0:53 and 0.0.0.0:8472 added to
// both), then the tables compared byte for byte, trailing spaces included. Normalizers: row order (the
// kernel walks its socket hash tables, whose buckets mix in a random per-namespace value).

import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, loadDefaultLab, type Lab } from '../../../src/lab/index.js';
import { UdpSocket } from '../../../src/net/udp-socket.js';
import type { Ipv4Addr } from '../../../src/addr/index.js';
import { tcpDiag } from '../../../src/net/tcp/tcp-diag.js';
import { ss } from '../../../src/tools/host/ss.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { deleteRealNetns, hasCommand, netnsSkipReason, PREFIX, realNetns } from '../ip/real-netns.js';

const skip = netnsSkipReason() ?? (hasCommand('ss') && hasCommand('python3') ? undefined : 'ss or python3 not installed');
const NS = `${PREFIX}-ss`;
const COMMANDS = ['ss -tan', 'ss -lntu', 'ss -ltn', 'ss -ta', 'ss -lnu', 'ss -un', 'ss -uan', 'ss -lu', 'ss -t state listening', 'ss -tn'];

/** Runs every command in the real namespace while a Python process holds the sockets open. */
function realOutputs(backlog: number): Record<string, string> {
  const script = `
import socket, subprocess, json
l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); l.bind(('0.0.0.0', 80)); l.listen(${backlog})
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('0.0.0.0', 53))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); v.bind(('0.0.0.0', 8472))
print(json.dumps({c: subprocess.run(c.split(), capture_output=True, text=True).stdout for c in ${JSON.stringify(COMMANDS)}}))
`;
  const r = spawnSync('ip', ['netns', 'exec', NS, 'python3', '-c', script], { encoding: 'utf8' });
  return JSON.parse(r.stdout) as Record<string, string>;
}

describe.skipIf(skip !== undefined)(`ss vs the real ss ${skip ? `(skipped: ${skip})` : ''}`, () => {
  let lab: Lab;
  let real: Record<string, string>;

  beforeAll(() => {
    lab = buildLab(loadDefaultLab(), { seed: 2 });
    const ns = lab.machine('router').root;
    for (const port of [53, 8472]) new UdpSocket(ns).bind(0 as Ipv4Addr, port);
    const backlog = tcpDiag(ns).find((d) => d.state === 'LISTEN' && d.localPort === 80)?.sendQ ?? 511;
    realNetns('ss');
    real = realOutputs(backlog);
  }, 60_000);

  afterAll(() => deleteRealNetns([NS]));

  it.each(COMMANDS)('%s', async (line) => {
    const emu = await runTool(lab, ss, hostOf(lab, 'router'), line.split(' '));
    const rowsSorted = (t: string | undefined) => {
      const [head = '', ...body] = (t ?? '').split('\n');
      return [head, ...body.filter((l) => l !== '').sort()].join('\n');
    };
    expect(rowsSorted(emu.stdout)).toBe(rowsSorted(real[line]));
    expect(emu.exitCode).toBe(0);
  });
});
