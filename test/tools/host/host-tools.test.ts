// lsmod, modprobe, uname, hostname and ifconfig on the week-4 lab, against the seed (the lsmod lines after
// `modprobe vxlan`, `ifconfig | grep -iEA1 'eth[0-9]:'`), kmod's and coreutils' messages, and the lab's
// kernel. Normalizers: runs of spaces collapsed where the seed (a blog) collapsed them.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { hostname } from '../../../src/tools/host/hostname.js';
import { ifconfig } from '../../../src/tools/host/ifconfig.js';
import { lsmod } from '../../../src/tools/host/lsmod.js';
import { modprobe } from '../../../src/tools/host/modprobe.js';
import { tracepath } from '../../../src/tools/host/tracepath.js';
import { traceroute } from '../../../src/tools/host/traceroute.js';
import { uname } from '../../../src/tools/host/uname.js';
import type { Tool } from '../../../src/tools/process.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { week4 } from '../../support/week4.js';

const collapse = (s: string) => s.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).join('\n');

describe('host tools on the week-4 lab', () => {
  let lab: Lab;
  const run = (tool: Tool, host: string, line: string) => runTool(lab, tool, hostOf(lab, host), line.split(' '));
  beforeAll(() => {
    lab = week4(1);
  }, 60_000);

  it('lsmod | grep -E vxlan|geneve is empty, then modprobe vxlan loads it with its dependencies (seed)', async () => {
    const grep = (s: string) => s.split('\n').filter((l) => /vxlan|geneve/.test(l)).join('\n');
    expect(grep((await run(lsmod, 'k8s-w0', 'lsmod')).stdout)).toBe('');
    expect(await run(modprobe, 'k8s-w0', 'modprobe vxlan')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const out = (await run(lsmod, 'k8s-w0', 'lsmod')).stdout;
    expect(out.startsWith('Module                  Size  Used by\n')).toBe(true);
    expect(grep(out).split('\n')[0]).toBe('vxlan                 155648  0');
    expect(collapse(grep(out)).split('\n')).toEqual(['vxlan 155648 0', 'ip6_udp_tunnel 16384 1 vxlan', 'udp_tunnel 32768 1 vxlan']);
  });

  it('modprobe -r as kmod does it (tools/modprobe.c rmmod_do_module): held modules stay, the rest go with their unused deps', async () => {
    const grep = async () => collapse((await run(lsmod, 'k8s-w0', 'lsmod')).stdout.split('\n').filter((l) => /vxlan|udp_tunnel/.test(l)).join('\n'));
    await run(modprobe, 'k8s-w0', 'modprobe vxlan');
    const loaded = await grep();
    expect(await run(modprobe, 'k8s-w0', 'modprobe -r udp_tunnel')).toEqual({ stdout: '', stderr: 'modprobe: FATAL: Module udp_tunnel is in use.\n', exitCode: 1 });
    expect(await grep()).toBe(loaded);
    expect(await run(modprobe, 'k8s-w0', 'modprobe -r foo')).toEqual({ stdout: '', stderr: 'modprobe: FATAL: Module foo not found.\n', exitCode: 1 });
    expect(await run(modprobe, 'k8s-w0', 'modprobe -x vxlan')).toEqual({ stdout: '', stderr: "modprobe: invalid option -- 'x'\n", exitCode: 1 });
    expect(await run(modprobe, 'k8s-w0', 'modprobe -r vxlan')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(await grep()).toBe('');
    // Not loaded: nothing to do, and silent unless --first-time.
    expect(await run(modprobe, 'k8s-w0', 'modprobe -r vxlan')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(await run(modprobe, 'k8s-w0', 'modprobe -r --first-time vxlan')).toEqual({ stdout: '', stderr: 'modprobe: FATAL: Module vxlan is not in kernel.\n', exitCode: 1 });
  });

  it('modprobe of an unknown module fails as kmod does and loads nothing', async () => {
    const before = (await run(lsmod, 'k8s-w1', 'lsmod')).stdout;
    expect(await run(modprobe, 'k8s-w1', 'modprobe foo')).toEqual({ stdout: '', stderr: 'modprobe: FATAL: Module foo not found in directory /lib/modules/6.8.0-53-generic\n', exitCode: 1 });
    expect(await run(modprobe, 'k8s-w1', 'modprobe')).toEqual({ stdout: '', stderr: 'modprobe: ERROR: missing parameters. See -h.\n', exitCode: 1 });
    expect((await run(lsmod, 'k8s-w1', 'lsmod')).stdout).toBe(before);
  });

  it('uname: the lab kernel, as `kubectl get no -owide` and Ubuntu 24.04 print it', async () => {
    expect((await run(uname, 'k8s-ctr', 'uname -r')).stdout).toBe('6.8.0-53-generic\n');
    expect((await run(uname, 'k8s-ctr', 'uname')).stdout).toBe('Linux\n');
    expect((await run(uname, 'k8s-ctr', 'uname -a')).stdout).toBe('Linux k8s-ctr 6.8.0-53-generic #55-Ubuntu SMP PREEMPT_DYNAMIC Fri Jan 17 15:37:52 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux\n');
    expect((await run(uname, 'router', 'uname -n -r')).stdout).toBe('router 6.8.0-53-generic\n');
    expect(await run(uname, 'router', 'uname -x')).toEqual({ stdout: '', stderr: "uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n", exitCode: 1 });
  });

  it('hostname and hostname -I', async () => {
    expect((await run(hostname, 'k8s-w0', 'hostname')).stdout).toBe('k8s-w0\n');
    expect((await run(hostname, 'router', 'hostname -I')).stdout).toMatch(/^10\.0\.2\.15 192\.168\.10\.200 192\.168\.20\.200 10\.10\.1\.200 10\.10\.2\.200 fd17:625c:f037:2:[0-9a-f:]+ \n$/);
  });

  it("ifconfig | grep -iEA1 'eth[0-9]:' as the seed shows it", async () => {
    const lines = (await run(ifconfig, 'k8s-ctr', 'ifconfig')).stdout.split('\n');
    const picked = lines.flatMap((l, i) => (/eth[0-9]:/i.test(l) ? [l, lines[i + 1] ?? ''] : []));
    expect(collapse(picked.join('\n'))).toBe(
      'eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST> mtu 1500\ninet 10.0.2.15 netmask 255.255.255.0 broadcast 10.0.2.255\neth1: flags=4163<UP,BROADCAST,RUNNING,MULTICAST> mtu 1500\ninet 192.168.10.100 netmask 255.255.255.0 broadcast 192.168.10.255',
    );
    const loop1 = (await run(ifconfig, 'router', 'ifconfig loop1')).stdout;
    expect(loop1.split('\n')[0]).toBe('loop1: flags=195<UP,BROADCAST,RUNNING,NOARP>  mtu 1500');
  });

  it('tracepath -n 192.168.20.100 from k8s-ctr: pmtu 1500, hop 1 the router, 2 hops (lab notes)', async () => {
    const out = (await run(tracepath, 'k8s-ctr', 'tracepath -n 192.168.20.100')).stdout.replace(/ +\d+\.\d+ms/g, ' <rtt>ms');
    expect(out).toBe(' 1?: [LOCALHOST]                      pmtu 1500\n 1:  192.168.10.200 <rtt>ms \n 1:  192.168.10.200 <rtt>ms \n 2:  192.168.20.100 <rtt>ms reached\n     Resume: pmtu 1500 hops 2 back 2 \n');
  });

  it('traceroute to a pod CIDR in native mode: hop 1 is the router, which sends the probes on to its NAT uplink', async () => {
    const out = (await run(traceroute, 'k8s-ctr', 'traceroute -n -m 3 -q 1 -w 1 172.20.1.5')).stdout.replace(/\d+\.\d+ ms/g, '<rtt> ms');
    expect(out).toBe('traceroute to 172.20.1.5 (172.20.1.5), 3 hops max, 60 byte packets\n 1  192.168.10.200  <rtt> ms\n 2  *\n 3  *\n');
  });
});
