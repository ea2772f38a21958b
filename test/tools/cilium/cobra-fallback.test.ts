// cilium-dbg and cilium-cli paths ciliumlab does not implement, against cilium 1.18's command tree
// (cilium-dbg/cmd at 228a293646, the v1.18 branch point), cilium-cli v0.18.6's (cli/cmd.go and its
// newCmd* constructors) and spf13/cobra's Find/legacyArgs/findSuggestions: the root lists the real
// commands; a group prints its help whatever follows it (1.18 removed `bpf tunnel`, commit 65dd9dd6f0, so
// `bpf tunnel list` shows bpf's help); a real command says it is not modelled; an unknown root word is
// cobra's error with its suggestions: cilium-dbg prints it on stderr and again on stdout (main's
// fmt.Println), cilium-cli, whose root silences cobra, once on stderr (main's Fprintln).

import { describe, expect, test } from 'vitest';
import { week4 } from '../../support/week4.js';
import { agentPod, runOn } from './helpers.js';

const lab = week4();
const dbg = (...args: string[]) => runOn(lab, agentPod(lab, 'k8s-ctr'), ['cilium-dbg', ...args]);
const commandsOf = (help: string) => help.split('Available Commands:\n')[1]?.split('\n\n')[0]?.split('\n').map((l) => l.trim().split(/ +/)[0]) ?? [];

describe('cilium-dbg outside what ciliumlab implements', () => {
  test('no arguments: the root help with every 1.18 command (cmdref hidden), exit 0', async () => {
    const r = await dbg();
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('CLI for interacting with the local Cilium Agent\n\nUsage:\n  cilium-dbg [command]\n\nAvailable Commands:\n')).toBe(true);
    expect(commandsOf(r.stdout)).toEqual([
      'bgp', 'bpf', 'build-config', 'cgroups', 'completion', 'config', 'debuginfo', 'encrypt', 'endpoint', 'envoy', 'fqdn', 'help',
      'identity', 'ip', 'kvstore', 'loadinfo', 'lrp', 'map', 'metrics', 'monitor', 'node', 'nodeid', 'policy', 'post-uninstall-cleanup',
      'prefilter', 'preflight', 'recorder', 'service', 'shell', 'statedb', 'status', 'sysdump', 'troubleshoot', 'version',
    ]);
    expect(r.stdout).toContain('\n  post-uninstall-cleanup Remove system state installed by Cilium at runtime\n');
    expect(r.stdout.endsWith('      --log-opt map          Log driver options (example: format=json)\n\nUse "cilium-dbg [command] --help" for more information about a command.\n')).toBe(true);
    expect((await dbg('--help')).stdout).toBe(r.stdout);
  });

  test('bpf tunnel list (gone in 1.18): cobra stops at bpf, which has no Run, and prints its help', async () => {
    const r = await dbg('bpf', 'tunnel', 'list');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('Direct access to local BPF maps\n\nUsage:\n  cilium-dbg bpf [command]\n')).toBe(true);
    expect(commandsOf(r.stdout)).toEqual(['auth', 'bandwidth', 'config', 'ct', 'egress', 'endpoint', 'frag', 'fs', 'ipcache', 'ipmasq', 'lb', 'metrics', 'multicast', 'nat', 'nodeid', 'policy', 'recorder', 'sha', 'socknat', 'srv6', 'vtep']);
    expect(r.stdout).toContain('\nFlags:\n  -h, --help   help for bpf\n\nGlobal Flags:\n');
  });

  test('a real command ciliumlab lacks says so (exit 2); `help <group>` is the group help', async () => {
    expect(await dbg('map', 'list')).toEqual({ stdout: '', stderr: 'ciliumlab: cilium-dbg map list is not modelled\n', exitCode: 2 });
    expect((await dbg('metrics', 'list')).stderr).toBe('ciliumlab: cilium-dbg metrics list is not modelled\n');
    const help = await dbg('help', 'endpoint');
    expect(commandsOf(help.stdout)).toEqual(['config', 'disconnect', 'get', 'health', 'labels', 'list', 'log']);
  });

  test('an unknown root word: the error, cobra\'s suggestions and main\'s Println of the error, exit 1', async () => {
    const err = 'unknown command "stauts" for "cilium-dbg"\n\nDid you mean this?\n\tstatus\n';
    expect(await dbg('stauts')).toEqual({ stdout: `${err}\n`, stderr: `Error: ${err}\nRun 'cilium-dbg --help' for usage.\n`, exitCode: 1 });
    const plain = 'unknown command "frobnicate" for "cilium-dbg"';
    expect(await dbg('frobnicate')).toEqual({ stdout: `${plain}\n`, stderr: `Error: ${plain}\nRun 'cilium-dbg --help' for usage.\n`, exitCode: 1 });
  });
});

describe('cilium-cli (k8s-ctr) outside what ciliumlab implements', () => {
  const cli = (...args: string[]) => runOn(lab, 'k8s-ctr', ['cilium', ...args]);

  test('no arguments: the root runs cmd.Help(): its Long, both usage lines, every v0.18.6 command and cobra\'s completion', async () => {
    const r = await cli();
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('CLI to install, manage, & troubleshooting Cilium clusters running Kubernetes.\n\nCilium is a CNI')).toBe(true);
    expect(r.stdout).toContain('\n  $ cilium connectivity test\n\nUsage:\n  cilium [flags]\n  cilium [command]\n\nAvailable Commands:\n');
    expect(commandsOf(r.stdout)).toEqual([
      'bgp', 'clustermesh', 'completion', 'config', 'connectivity', 'context', 'encryption', 'features', 'help', 'hubble', 'install',
      'multicast', 'status', 'sysdump', 'uninstall', 'upgrade', 'version',
    ]);
    expect(r.stdout).toContain('\n  -n, --namespace string           Namespace Cilium is running in (default "kube-system")\n');
    expect((await cli('--help')).stdout).toBe(r.stdout);
  });

  test('a group prints its help, a real command says it is not modelled, an unknown word is the bare error', async () => {
    const group = await cli('clustermesh', 'frob');
    expect([group.exitCode, commandsOf(group.stdout)]).toEqual([0, ['connect', 'disable', 'disconnect', 'enable', 'inspect-policy-default-local-cluster', 'status']]);
    expect(await cli('sysdump')).toEqual({ stdout: '', stderr: 'ciliumlab: cilium sysdump is not modelled\n', exitCode: 2 });
    expect(await cli('stauts')).toEqual({ stdout: '', stderr: 'unknown command "stauts" for "cilium"\n\nDid you mean this?\n\tstatus\n\n', exitCode: 1 });
  });

  test('--help on a command ciliumlab implements without its help says so instead of "unknown flag"', async () => {
    expect(await cli('status', '--help')).toEqual({ stdout: '', stderr: 'ciliumlab: the help of cilium status is not modelled\n', exitCode: 2 });
    expect((await dbg('status', '-h')).stderr).toBe('ciliumlab: the help of cilium-dbg status is not modelled\n');
  });
});
