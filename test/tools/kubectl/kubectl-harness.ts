// Test support for kubectl: run a kubectl command line (split like a shell would, with single and double
// quotes) on a lab host through the tool harness, and the normalisers the seed comparisons use.

import type { Lab } from '../../../src/lab/index.js';
import { kubectl } from '../../../src/tools/kubectl/index.js';
import type { ExecHost, ExecResult, InputStream, Process } from '../../../src/tools/process.js';
import { VirtualTimeDriver } from '../../../src/shell/virtual-time-driver.js';
import { hostOf, runTool, textStdin, type ToolRun } from '../../support/tool-harness.js';

/** Splits a command line into words (quotes, backslashes); enough for the tests' kubectl lines. */
export function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c === "'") {
      const j = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, j);
      i = j;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) cur += line[j] === '\\' ? (line[++j] ?? '') : (line[j] ?? '');
      i = j;
      inWord = true;
    } else if (c === ' ') {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

export interface RunOptions {
  readonly host?: string;
  readonly stdin?: string;
  readonly files?: Record<string, string>;
  readonly interruptAfterUs?: number;
  readonly isTty?: boolean;
}

const hosts = new WeakMap<Lab, Map<string, ExecHost>>();

/** The lab's host by name, one per lab so that files written (~/.kube/config) stay for the next command. */
function persistentHost(lab: Lab, name: string): ExecHost {
  let m = hosts.get(lab);
  if (!m) hosts.set(lab, (m = new Map()));
  let h = m.get(name);
  if (!h) m.set(name, (h = hostOf(lab, name)));
  return h;
}

/** Runs `kubectl ...` (the line includes the word kubectl). */
export function kc(lab: Lab, line: string, opts: RunOptions = {}): Promise<ToolRun> {
  const host = persistentHost(lab, opts.host ?? 'k8s-ctr');
  for (const [path, text] of Object.entries(opts.files ?? {})) host.writeFile(path, text);
  return runTool(lab, kubectl, host, words(line), {
    ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
    ...(opts.interruptAfterUs !== undefined ? { interruptAfterUs: opts.interruptAfterUs } : {}),
    ...(opts.isTty !== undefined ? { isTty: opts.isTty } : {}),
  });
}

/** Collapses runs of spaces, as the blog did. */
export const collapse = (s: string): string => s.replace(/ +/g, ' ').replace(/ +$/gm, '');

export interface ExecCall {
  readonly host: ExecHost;
  readonly argv: readonly string[];
  readonly isTty: boolean;
}

/** Runs kubectl with an execOn that records the call and answers with `reply` (for kubectl exec). */
export async function kcExec(lab: Lab, line: string, reply: (c: ExecCall) => { stdout?: string; stderr?: string; exitCode: number }, opts: { stdinIsTty?: boolean } = {}): Promise<ToolRun & { calls: ExecCall[] }> {
  const driver = new VirtualTimeDriver(lab.scheduler, () => new Promise<void>((r) => setImmediate(r)));
  let stdout = '';
  let stderr = '';
  const calls: ExecCall[] = [];
  const stdin: InputStream = { ...textStdin(''), isTty: opts.stdinIsTty ?? false };
  const p: Process = {
    argv: words(line),
    env: new Map([['HOME', '/root']]),
    host: hostOf(lab, 'k8s-ctr'),
    lab,
    stdin,
    isTty: opts.stdinIsTty ?? false,
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    sleep: (us) => driver.sleep(us),
    until: (done, limitUs) => driver.until(done, limitUs),
    onInterrupt: () => undefined,
    isInterrupted: false,
    execOn: async (host, argv, o): Promise<ExecResult> => {
      const call = { host, argv, isTty: o?.isTty ?? false };
      calls.push(call);
      const r = reply(call);
      stdout += r.stdout ?? '';
      stderr += r.stderr ?? '';
      return { exitCode: r.exitCode };
    },
  };
  const exitCode = await driver.run(kubectl(p), 3_600_000_000);
  return { stdout, stderr, exitCode, calls };
}
