// Layer shell: one place commands run — a VM, a container of a pod, or the user's workstation — with its
// files, the commands installed there, its login environment and prompt. ExecHost views of it (per user
// and working directory) are what tools see as `Process.host`; all views share the host's files.

import type { Machine } from '../../net/machine.js';
import type { Netns } from '../../net/netns.js';
import type { ExecHost } from '../../tools/process.js';
import { HostFs, resolvePath } from './host-fs.js';

export interface LabHostInit {
  readonly kind: ExecHost['kind'];
  /** VM name, "namespace/pod" (plus "/container" when not the first), or "workstation". */
  readonly name: string;
  readonly hostname: string;
  readonly machine: Machine | undefined;
  readonly netns: Netns | undefined;
  readonly pod?: ExecHost['pod'];
  /** Whether a command is installed here. */
  readonly hasCommand: (name: string) => boolean;
  readonly nextPid: () => number;
  /** The prompt style: Ubuntu's `user@host:dir# `, Alpine's `host:dir# `, or kube-ps1 in front. */
  readonly promptStyle: 'debian' | 'alpine';
  /** The directory `kubectl exec` starts in (the image's WORKDIR); VMs start in the user's home. */
  readonly workdir?: string;
  /** A container's variables from the kubelet (its env and the Services' links); pods only. */
  readonly containerEnv?: () => ReadonlyArray<readonly [string, string]>;
}

export class LabHost {
  readonly fs = new HostFs();

  constructor(readonly init: LabHostInit) {}

  get kind(): ExecHost['kind'] {
    return this.init.kind;
  }

  get name(): string {
    return this.init.name;
  }

  get hostname(): string {
    return this.init.hostname;
  }

  hasCommand(name: string): boolean {
    return this.init.hasCommand(name);
  }

  homeOf(user: string): string {
    if (this.init.kind === 'workstation') return `/home/${user}`;
    return user === 'root' ? '/root' : `/home/${user}`;
  }

  /** The directory a login shell or `kubectl exec` starts in. */
  startDir(user: string): string {
    return this.init.workdir ?? this.homeOf(user);
  }

  /** The environment of a login shell of `user` (what `sudo su -` or sshd sets up). */
  loginEnv(user: string): Map<string, string> {
    const home = this.homeOf(user);
    // A container's processes get the image's PATH, the runtime's HOSTNAME, the kubelet's variables, then HOME.
    if (this.init.containerEnv) {
      return new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', this.init.hostname], ...this.init.containerEnv(), ['HOME', home]]);
    }
    const env = new Map<string, string>([
      ['HOME', home],
      ['USER', user],
      ['LOGNAME', user],
      ['SHELL', '/bin/bash'],
      ['PATH', this.init.kind === 'pod' ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin'],
      ['TERM', 'xterm-256color'],
      ['LANG', 'C.UTF-8'],
      ['HOSTNAME', this.init.hostname],
      ['PWD', this.startDir(user)],
    ]);
    return env;
  }

  /** An ExecHost for tools: this host as `user`, relative paths taken from `cwd`. */
  view(user: string, cwd: string = this.startDir(user)): ExecHost {
    const fs = this.fs;
    const i = this.init;
    return {
      kind: i.kind,
      name: i.name,
      hostname: i.hostname,
      machine: i.machine,
      netns: i.netns,
      ...(i.pod ? { pod: i.pod } : {}),
      user,
      nextPid: i.nextPid,
      readFile: (p) => fs.read(resolvePath(cwd, p)),
      writeFile: (p, c) => {
        const abs = resolvePath(cwd, p);
        const err = fs.write(abs, c);
        if (err === 'ENOENT') {
          fs.mkdirp(abs.slice(0, abs.lastIndexOf('/')) || '/');
          fs.write(abs, c);
        }
      },
    };
  }
}
