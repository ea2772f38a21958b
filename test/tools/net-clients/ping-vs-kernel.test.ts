// ping (iputils) against the real ping across a veth pair built with the same `ip` commands on both sides:
// -O's "no answer yet" line for a silent neighbour and an answering one, -p's PATTERN line and its error.
// Normalizers: RTTs and the statistics' total time (virtual latency and timers vs the real machine's).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, loadDefaultLab, type Lab } from '../../../src/lab/index.js';
import { ip } from '../../../src/tools/ip/ip.js';
import { ping } from '../../../src/tools/net-clients/ping.js';
import type { ExecHost } from '../../../src/tools/process.js';
import { deleteRealNetns, emulatedNetns, emuRun, hasCommand, netnsSkipReason, PREFIX, realNetns, realRun } from '../ip/real-netns.js';

const skip = netnsSkipReason() ?? (hasCommand('ping') ? undefined : 'ping not installed');
const A = `${PREFIX}-pnga`;
const B = `${PREFIX}-pngb`;
const SETUP = ['ip link add eth1 type veth peer name eth1 netns {B}', 'ip addr add 10.6.0.1/24 dev eth1', 'ip -n {B} addr add 10.6.0.2/24 dev eth1', 'ip link set eth1 up', 'ip -n {B} link set eth1 up'];
const cmd = (line: string) => line.replaceAll('{B}', B).split(' ');
const norm = (s: string) => s.replace(/time=\d+(\.\d+)? ms/g, 'time=<t> ms').replace(/time \d+ms/, 'time <t>ms').replace(/= [\d./]+ ms/, '= <t> ms');

describe.skipIf(skip !== undefined)(`ping vs the real ping ${skip ? `(skipped: ${skip})` : ''}`, () => {
  let lab: Lab;
  let host: ExecHost;
  beforeAll(async () => {
    lab = buildLab(loadDefaultLab(), { seed: 4 });
    realNetns('pnga');
    realNetns('pngb');
    host = emulatedNetns(lab, 'router', A).host;
    emulatedNetns(lab, 'router', B);
    for (const line of SETUP) expect(await emuRun(lab, ip, host, cmd(line))).toEqual(realRun(A, cmd(line)));
  }, 60_000);
  afterAll(() => deleteRealNetns([A, B]));

  it.each(['ping -c 2 -O -W 0.5 10.6.0.9', 'ping -c 2 -O -i 0.2 10.6.0.2', 'ping -c 1 -p ff 10.6.0.2', 'ping -c 1 -p abc12 -q 10.6.0.2', 'ping -c 1 -p 0x1 10.6.0.2', 'ping -c 1 -p fffe -s 8 10.6.0.2'])('%s', async (line) => {
    const real = realRun(A, cmd(line));
    const emu = await emuRun(lab, ping, host, cmd(line));
    expect({ ...emu, stdout: norm(emu.stdout) }).toEqual({ ...real, stdout: norm(real.stdout) });
  }, 30_000);
});
