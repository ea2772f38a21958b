// Test support: real Linux network namespaces (iproute2 through `ip netns exec`) beside an emulated namespace
// on a lab machine, so one command can be run on both and the outputs compared. Namespaces carry a unique
// prefix and are removed afterwards; nothing touches the root namespace. Skips when not root or no netns.

import { spawnSync } from 'node:child_process';
import type { Lab } from '../../../src/lab/index.js';
import type { Netns } from '../../../src/net/netns.js';
import type { ExecHost, Tool } from '../../../src/tools/process.js';
import { hostOf, runTool, type ToolRun } from '../../support/tool-harness.js';

export const PREFIX = `cl${process.pid}`;

/** Why real namespaces cannot be used here, or undefined when they can. */
export function netnsSkipReason(): string | undefined {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not root: real network namespaces need CAP_SYS_ADMIN';
  const probe = `${PREFIX}-probe`;
  const add = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (add.error || add.status !== 0) return `ip netns unavailable: ${add.error?.message ?? add.stderr.trim()}`;
  spawnSync('ip', ['netns', 'del', probe]);
  return undefined;
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

export function realRun(ns: string, argv: readonly string[], env: Record<string, string> = {}): ToolRun {
  const r = spawnSync('ip', ['netns', 'exec', ns, ...argv], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin', ...env } });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 };
}

/** A real namespace named `${PREFIX}-${suffix}` with lo up, IPv6 DAD off (no "tentative") and no router solicitations. */
export function realNetns(suffix: string): string {
  const name = `${PREFIX}-${suffix}`;
  spawnSync('ip', ['netns', 'del', name]);
  const r = spawnSync('ip', ['netns', 'add', name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ip netns add ${name}: ${r.stderr}`);
  for (const k of ['all', 'default']) {
    realRun(name, ['sysctl', '-qw', `net.ipv6.conf.${k}.accept_dad=0`]);
    realRun(name, ['sysctl', '-qw', `net.ipv6.conf.${k}.router_solicitations=0`]);
  }
  realRun(name, ['ip', 'link', 'set', 'lo', 'up']);
  return name;
}

export function deleteRealNetns(names: readonly string[]): void {
  for (const n of names) spawnSync('ip', ['netns', 'del', n]);
}

/** An emulated namespace of the same name on `machine` of the lab, and an ExecHost running commands in it. */
export function emulatedNetns(lab: Lab, machine: string, name: string): { ns: Netns; host: ExecHost } {
  const m = lab.machine(machine);
  const ns = m.createNetns(name);
  return { ns, host: { ...hostOf(lab, machine), netns: ns } };
}

export async function emuRun(lab: Lab, tool: Tool, host: ExecHost, argv: readonly string[], opts: { isTty?: boolean } = {}): Promise<ToolRun> {
  return runTool(lab, tool, host, argv, opts);
}

/** The MAC of each device of a real namespace, to give the emulated devices the same ones. */
export function realMacs(ns: string): Map<string, string> {
  const out = realRun(ns, ['ip', '-j', 'link']).stdout;
  const links = JSON.parse(out) as Array<{ ifname: string; address: string }>;
  return new Map(links.map((l) => [l.ifname, l.address]));
}

/**
 * What differs between the lab's kernel (6.8) and the test machine's for the same state: ::1 lost its
 * `noprefixroute` flag after 6.8. Named so a test lists the normalizers it uses.
 */
export const NORMALIZE = {
  loopbackV6Flags: (s: string) => s.replace(/(::1(?:\x1b\[0m)?\/128 scope host )noprefixroute /g, '$1').replace(/("local":"::1","prefixlen":128,"scope":"host"),"noprefixroute":true/g, '$1'),
} as const;
