// Test support: run one emulated command on a lab host without the shell — a Process with captured
// stdout/stderr, a simple in-memory file table, and the virtual-time driver in scripted mode.

import type { Lab } from '../../src/lab/index.js';
import type { ExecHost, ExecResult, InputStream, Process, Tool } from '../../src/tools/process.js';
import { VirtualTimeDriver } from '../../src/shell/virtual-time-driver.js';

export interface ToolRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const macrotask = () => new Promise<void>((r) => setImmediate(r));

export function textStdin(text: string): InputStream {
  return { isTty: false, readAll: async () => text, chunks: async function* () { if (text) yield text; } };
}

/** A VM (by name) or a pod ("namespace/name" or a default-namespace name) as an ExecHost. */
export function hostOf(lab: Lab, target: string, files: Record<string, string> = {}): ExecHost {
  const m = lab.machines.get(target);
  const fs = new Map(Object.entries(files));
  let pid = 100;
  if (m) {
    return { kind: 'vm', name: target, hostname: target, machine: m, netns: m.root, user: 'root', nextPid: () => m.spawnPid(), readFile: (p) => fs.get(p), writeFile: (p, c) => void fs.set(p, c) };
  }
  const [ns, name] = target.includes('/') ? (target.split('/') as [string, string]) : ['default', target];
  const pod = lab.k8s.api.get('Pod', ns, name);
  const c = pod.spec.containers[0];
  return {
    kind: 'pod',
    name: `${ns}/${name}`,
    hostname: name,
    machine: lab.machines.get(pod.spec.nodeName ?? ''),
    netns: lab.netns(`${ns}/${name}`),
    pod: { namespace: ns, name, container: c?.name ?? '', image: c?.image ?? '' },
    user: 'root',
    nextPid: () => (pid += 7),
    readFile: (p) => fs.get(p),
    writeFile: (p, c2) => void fs.set(p, c2),
  };
}

/** Runs `tool` with `argv` on `host` until it exits (or `interruptAfterUs` of virtual time, then Ctrl-C). */
export async function runTool(lab: Lab, tool: Tool, host: ExecHost, argv: readonly string[], opts: { stdin?: string; interruptAfterUs?: number; isTty?: boolean } = {}): Promise<ToolRun> {
  const driver = new VirtualTimeDriver(lab.scheduler, macrotask);
  let stdout = '';
  let stderr = '';
  const interrupts: Array<() => void> = [];
  let isInterrupted = false;
  const p: Process = {
    argv,
    env: new Map([['HOME', '/root'], ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]),
    host,
    lab,
    stdin: textStdin(opts.stdin ?? ''),
    isTty: opts.isTty ?? false,
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    sleep: (us) => driver.sleep(us),
    until: (done, limitUs) => driver.until(done, limitUs),
    onInterrupt: (fn) => void interrupts.push(fn),
    get isInterrupted() {
      return isInterrupted;
    },
    execOn: async (): Promise<ExecResult> => ({ exitCode: 127 }),
  };
  if (opts.interruptAfterUs !== undefined) {
    lab.scheduler.after(opts.interruptAfterUs, () => {
      isInterrupted = true;
      for (const fn of interrupts.splice(0)) fn();
    });
  }
  const exitCode = await driver.run(tool(p), 3_600_000_000);
  return { stdout, stderr, exitCode };
}
