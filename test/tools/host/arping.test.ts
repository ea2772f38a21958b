// arping (Habets 2.x) against the real arping across a veth pair built with the same `ip` commands on both
// sides, and on the week-4 lab (the router asking for k8s-ctr's eth1). Normalizers: reply times as <t>
// (virtual latency vs the real machine's), the peer's MAC (the real kernel picked it), the version line
// (the lab's Ubuntu 24.04 ships arping 2.24, the test machine 2.23).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, loadDefaultLab, type Lab } from '../../../src/lab/index.js';
import { formatMac } from '../../../src/addr/index.js';
import { arping } from '../../../src/tools/host/arping.js';
import { ip } from '../../../src/tools/ip/ip.js';
import type { ExecHost } from '../../../src/tools/process.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { week4 } from '../../support/week4.js';
import { deleteRealNetns, emulatedNetns, emuRun, hasCommand, netnsSkipReason, PREFIX, realNetns, realRun } from '../ip/real-netns.js';

const skip = netnsSkipReason() ?? (hasCommand('arping') ? undefined : 'arping not installed');
const A = `${PREFIX}-arpa`;
const B = `${PREFIX}-arpb`;
const SETUP = ['ip link add eth1 type veth peer name eth1 netns {B}', 'ip addr add 10.5.0.1/24 dev eth1', 'ip -n {B} addr add 10.5.0.2/24 dev eth1', 'ip link set eth1 up', 'ip -n {B} link set eth1 up'];
const cmd = (line: string) => line.replaceAll('{B}', B).split(' ');
const norm = (s: string) => s.replace(/time=\d+\.\d+ \w+/g, 'time=<t>').replace(/std-dev = [\d./]+ ms/, 'std-dev = <t> ms').replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, '<mac>');

describe.skipIf(skip !== undefined)(`arping vs the real arping ${skip ? `(skipped: ${skip})` : ''}`, () => {
  let lab: Lab;
  let host: ExecHost;
  beforeAll(async () => {
    lab = buildLab(loadDefaultLab(), { seed: 4 });
    realNetns('arpa');
    realNetns('arpb');
    host = emulatedNetns(lab, 'router', A).host;
    emulatedNetns(lab, 'router', B);
    for (const line of SETUP) expect(await emuRun(lab, ip, host, cmd(line))).toEqual(realRun(A, cmd(line)));
  }, 60_000);
  afterAll(() => deleteRealNetns([A, B]));

  it.each(['arping -c 2 10.5.0.2', 'arping -c 2 -i eth1 10.5.0.9', 'arping -c 1 -q 10.5.0.2', 'arping -c 1 -i eth9 10.5.0.2', 'arping'])('%s', async (line) => {
    const real = realRun(A, cmd(line));
    const emu = await emuRun(lab, arping, host, cmd(line));
    expect({ ...emu, stdout: norm(emu.stdout) }).toEqual({ ...real, stdout: norm(real.stdout).replace('ARPing 2.23', 'ARPing 2.24') });
  }, 30_000);
});

describe('arping on the week-4 lab', () => {
  it('the router asks for 192.168.10.100 on eth1 and k8s-ctr answers with its eth1 MAC (frames padded to 60 bytes on the wire)', async () => {
    const lab = week4(1);
    const r = await runTool(lab, arping, hostOf(lab, 'router'), ['arping', '-c', '2', '-i', 'eth1', '192.168.10.100']);
    const mac = formatMac(lab.machine('k8s-ctr').root.dev('eth1')?.mac ?? (0 as never));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^ARPING 192\\.168\\.10\\.100\\n60 bytes from ${mac} \\(192\\.168\\.10\\.100\\): index=0 time=[0-9.]+ (usec|msec)\\n60 bytes from ${mac} \\(192\\.168\\.10\\.100\\): index=1 time=[0-9.]+ (usec|msec)\\n\\n--- 192\\.168\\.10\\.100 statistics ---\\n2 packets transmitted, 2 packets received,   0% unanswered \\(0 extra\\)\\nrtt min/avg/max/std-dev = [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ ms\\n$`));
  }, 60_000);
});
