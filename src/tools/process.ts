// Layer tools: what one emulated command sees when it runs — its argv and environment, the host (a VM or a
// pod container) it runs on, streaming stdin/stdout/stderr, the lab and its virtual clock, Ctrl-C, and a way
// to run another command elsewhere (kubectl exec, ssh). Every tool is `(p: Process) => Promise<exit code>`.

import type { Lab } from '../lab/index.js';
import type { Machine } from '../net/machine.js';
import type { Netns } from '../net/netns.js';

/** Where a command runs: a VM's root namespace, or a container of a pod (its namespace on its node). */
export interface ExecHost {
  readonly kind: 'vm' | 'pod' | 'workstation';
  /** VM name, or "namespace/pod" for a pod. */
  readonly name: string;
  readonly hostname: string;
  readonly machine: Machine | undefined;
  readonly netns: Netns | undefined;
  readonly pod?: { readonly namespace: string; readonly name: string; readonly container: string; readonly image: string };
  readonly user: string;
  /** The process id the next command gets (ping's ICMP id). */
  nextPid(): number;
  /** The host's files (/etc/hosts, /etc/resolv.conf, /boot/config-..., /proc/sys/...). */
  readFile(path: string): string | undefined;
  writeFile(path: string, content: string): void;
}

/** Text arriving on stdin: pipes stream it in chunks; `readAll` waits for EOF. */
export interface InputStream {
  readAll(): Promise<string>;
  /** Each chunk as it arrives, until EOF. */
  chunks(): AsyncIterable<string>;
  readonly isTty: boolean;
}

export interface ExecResult {
  readonly exitCode: number;
}

/** A host named the way tools name it: kubectl exec names a pod (and container), ssh names a VM. */
export type HostTarget =
  | { readonly kind: 'vm'; readonly name: string; readonly user?: string }
  | { readonly kind: 'pod'; readonly namespace: string; readonly name: string; readonly container?: string }
  | { readonly kind: 'workstation' };

/** Where `--pcap DIR` captures go: tcpdump hands over a finished pcap file's bytes. */
export interface PcapSink {
  write(fileName: string, bytes: Uint8Array): void;
}

export interface Process {
  readonly argv: readonly string[];
  readonly env: ReadonlyMap<string, string>;
  readonly host: ExecHost;
  readonly lab: Lab;
  readonly stdin: InputStream;
  /** Whether stdout is a terminal (kubectl exec -t, the interactive shell): tools that colour or page check it. */
  readonly isTty: boolean;
  out(text: string): void;
  err(text: string): void;
  /** Waits `us` of virtual time. */
  sleep(us: number): Promise<void>;
  /** Resolves once `done()` holds (checked as virtual time passes), or with false after `limitUs`. */
  until(done: () => boolean, limitUs?: number): Promise<boolean>;
  /** Ctrl-C: the callback runs once when SIGINT arrives (ping prints its statistics, curl aborts). */
  onInterrupt(fn: () => void): void;
  readonly isInterrupted: boolean;
  /**
   * Runs argv on another host (kubectl exec, ssh), streaming its output through this process; resolves
   * with its exit status. With isTty, Ctrl-C goes to the remote command instead of this one, and a bare
   * shell (`bash`, `sh`, `zsh`) opens an interactive shell on the terminal until it exits. A command the
   * container image lacks prints the runtime's "executable file not found" error and exits 126.
   */
  execOn(host: ExecHost, argv: readonly string[], opts?: { stdin?: InputStream; isTty?: boolean }): Promise<ExecResult>;
  /** The shell's working directory when the command started (host.readFile resolves relative paths from it). */
  readonly cwd?: string;
  /** The ExecHost of a VM or pod container (kubectl exec finds its target here); undefined if none. */
  findHost?(target: HostTarget): ExecHost | undefined;
  /** Set when the user asked for pcap files (`ciliumlab --pcap DIR`). */
  readonly pcapSink?: PcapSink | undefined;
}

/** An emulated command. Resolves with the exit status. */
export type Tool = (p: Process) => Promise<number>;
