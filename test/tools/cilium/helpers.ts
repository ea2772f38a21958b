// Test support for the cilium tools: run `cilium` on k8s-ctr (the cilium-cli) or inside a node's agent
// pod (cilium-dbg), and small text helpers (grep, collapsing runs of spaces, trimming row padding).

import { expect } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { commands as cilium } from '../../../src/tools/cilium/index.js';
import { hostOf, runTool, type ToolRun } from '../../support/tool-harness.js';

export const collapse = (s: string) => s.replace(/ +/g, ' ').trim();
export const grep = (out: string, re: RegExp) => out.split('\n').filter((l) => re.test(l));
export const rows = (out: string) => out.replace(/\n$/, '').split('\n');

export function agentPod(lab: Lab, node: string): string {
  const pod = lab.k8s.api.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=cilium' }).find((p) => p.spec.nodeName === node);
  return `kube-system/${pod?.metadata.name ?? ''}`;
}

export async function runOn(lab: Lab, host: string, argv: readonly string[], opts: { isTty?: boolean } = {}): Promise<ToolRun> {
  const tool = cilium[argv[0] ?? ''];
  if (!tool) throw new Error(`no tool ${argv[0]}`);
  return runTool(lab, tool, hostOf(lab, host), argv, opts);
}

/** stdout of a command that must succeed silently on stderr. */
export async function stdoutOf(lab: Lab, host: string, argv: readonly string[]): Promise<string> {
  const r = await runOn(lab, host, argv);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

export const inAgent = (lab: Lab, node: string, argv: readonly string[]) => stdoutOf(lab, agentPod(lab, node), argv);
export const onCtr = (lab: Lab, argv: readonly string[]) => stdoutOf(lab, 'k8s-ctr', argv);
