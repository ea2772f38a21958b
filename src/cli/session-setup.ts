// Layer cli: a lab session for the command line — the lab, the emulated tools of the registry, the
// virtual-time driver (scripted, or following the wall clock for a person at a terminal) — and the
// terminal the user types into, logged in where `--host` says (k8s-ctr by default).

import type { Lab } from '../lab/index.js';
import { LabSession, VirtualTimeDriver, type Screen, type Terminal } from '../shell/index.js';
import { commands } from '../tools/registry.js';
import type { HostTarget } from '../tools/process.js';
import { macrotask, pcapSink, wallClock } from './lab-setup.js';

export interface CliSession {
  readonly session: LabSession;
  readonly driver: VirtualTimeDriver;
  readonly terminal: Terminal;
}

export function openCliSession(lab: Lab, opts: { host?: string | undefined; pcapDir?: string | undefined; isRealtime: boolean; screen: Screen }): CliSession | string {
  const driver = new VirtualTimeDriver(lab.scheduler, macrotask, opts.isRealtime ? wallClock : undefined);
  const sink = pcapSink(opts.pcapDir);
  const session = new LabSession({ lab, driver, tools: commands, maxLoopIterations: opts.isRealtime ? Number.POSITIVE_INFINITY : 100_000, ...(sink ? { pcapSink: sink } : {}) });
  const host = opts.host ?? lab.spec.kubernetes.controlPlane ?? lab.spec.hosts[0]?.name ?? 'workstation';
  const target: HostTarget = host === 'workstation' ? { kind: 'workstation' } : { kind: 'vm', name: host };
  const terminal = session.openTerminal('main', opts.screen, target);
  if (!terminal) return `ciliumlab: --host ${host}: no such VM in the lab (VMs: ${lab.spec.hosts.map((h) => h.name).join(', ')}, or workstation)`;
  if (opts.isRealtime) driver.startRealtime();
  return { session, driver, terminal };
}
