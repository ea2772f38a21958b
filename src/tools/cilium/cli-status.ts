// Layer tools (cilium): `cilium status [--wait]` of cilium-cli v0.18.6 (cilium-cli/status/status.go
// Format, k8s.go Status, cli/status.go): the coloured logo with each component's summary, workload,
// container, pod, chart and image rows, errors and warnings, tabwriter(0,0,4). The CLI writes its ANSI
// colours whatever stdout is (no terminal check); --wait redraws the summary every 2 s, moving the
// cursor up over the previous one, until no errors or warnings remain or 5 minutes have passed.

import type { Process } from '../process.js';
import { collectStatus, isReady, type CliStatus, type PodStateCount } from './cli-status-collect.js';
import { tabwrite } from './tabwriter.js';

const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const BLUE = '\x1b[34m';
const GREEN = '\x1b[32m';
const MAGENTA = '\x1b[35m';
const CYAN = '\x1b[36m';
const RESET = '\x1b[0m';

const sorted = <T>(m: ReadonlyMap<string, T>) => [...m.keys()].sort();

function summary(s: CliStatus, name: string): string {
  const pods = s.errors.get(name);
  const parts: string[] = [];
  if (pods) {
    const errors = [...pods.values()].reduce((n, e) => n + e.errors.length, 0);
    const warnings = [...pods.values()].reduce((n, e) => n + e.warnings.length, 0);
    if (errors > 0) parts.push(`${RED}${errors} errors${RESET}`);
    if (warnings > 0) parts.push(`${YELLOW}${warnings} warnings${RESET}`);
    if ([...pods.values()].some((e) => e.disabled)) parts.push(`${CYAN}disabled${RESET}`);
  }
  return parts.length > 0 ? parts.join(', ') : `${GREEN}OK${RESET}`;
}

function podState(c: PodStateCount): string {
  const items: string[] = [];
  const color = c.ready < c.desired ? YELLOW : GREEN;
  if (c.desired > 0) items.push(`Desired: ${c.desired}`);
  if (c.ready > 0) items.push(`Ready: ${color}${c.ready}/${c.desired}${RESET}`);
  if (c.available > 0) items.push(`Available: ${color}${c.available}/${c.desired}${RESET}`);
  if (c.unavailable > 0) items.push(`Unavailable: ${RED}${c.unavailable}/${c.desired}${RESET}`);
  return items.join(', ');
}

/** formatPhaseCount, in the order the phases were first counted (a Go map walk in the CLI). */
function phases(m: ReadonlyMap<string, number>): string {
  const color = (p: string) => (p === 'Failed' || p === 'Unknown' ? RED : p === 'Running' || p === 'Pending' || p === 'Succeeded' ? GREEN : '');
  return [...m].map(([p, n]) => `${p}: ${color(p)}${n}${RESET}`).join(', ');
}

export function formatStatus(s: CliStatus): string {
  const envoy = summary(s, 'cilium-envoy').replace('disabled', 'disabled (using embedded mode)');
  let t = `${YELLOW}    /¯¯\\\n`;
  t += `${CYAN} /¯¯${YELLOW}\\__/${GREEN}¯¯\\${RESET}\tCilium:\t${summary(s, 'cilium')}\n`;
  t += `${CYAN} \\__${RED}/¯¯\\${GREEN}__/${RESET}\tOperator:\t${summary(s, 'cilium-operator')}\n`;
  t += `${GREEN} /¯¯${RED}\\__/${MAGENTA}¯¯\\${RESET}\tEnvoy DaemonSet:\t${envoy}\n`;
  t += `${GREEN} \\__${BLUE}/¯¯\\${MAGENTA}__/${RESET}\tHubble Relay:\t${summary(s, 'hubble-relay')}\n`;
  t += `${BLUE}${BLUE}${BLUE}    \\__/${RESET}\tClusterMesh:\t${summary(s, 'clustermesh-apiserver')}\n\n`;
  for (const name of sorted(s.podState)) {
    const c = s.podState.get(name);
    if (c) t += `${c.type}\t${name}\t${podState(c)}\n`;
  }
  let header = 'Containers:';
  for (const name of sorted(s.phaseCount)) {
    t += `${header}\t${name}\t${phases(s.phaseCount.get(name) ?? new Map())}\n`;
    header = '';
  }
  t += `Cluster Pods:\t${s.podsCount.byCilium}/${s.podsCount.all} managed by Cilium\nHelm chart version:\t${s.helmChartVersion}\n`;
  header = 'Image versions';
  for (const name of sorted(s.imageCount)) {
    const images = s.imageCount.get(name) ?? new Map<string, number>();
    for (const image of sorted(images)) {
      t += `${header}\t${name}\t${image}: ${images.get(image) ?? 0}\n`;
      header = '';
    }
  }
  for (const [title, pick] of [['Errors:', 'errors'], ['Warnings:', 'warnings']] as const) {
    header = title;
    for (const deployment of sorted(s.errors)) {
      const pods = s.errors.get(deployment) ?? new Map();
      for (const pod of sorted(pods)) {
        for (const err of pods.get(pod)?.[pick] ?? []) {
          t += `${header}\t${deployment}\t${pod}\t${err}\n`;
          header = '';
        }
      }
    }
  }
  return tabwrite(t, 0, 4);
}

/** countWrappedLines: one more than the rows the text takes on an 80-column screen. */
function wrappedLines(text: string): number {
  return text.split('\n').reduce((n, line) => n + Math.ceil([...line].length / 80), 1);
}

const RETRY_US = 2_000_000;

export interface CliStatusOptions {
  readonly wait: boolean;
  readonly ignoreWarnings: boolean;
  /** --wait-duration. */
  readonly waitUs: number;
  /** --interactive: redraw the summary after each retry. */
  readonly interactive: boolean;
}

export async function cliStatus(p: Process, opts: CliStatusOptions): Promise<number> {
  const deadline = p.lab.nowUs + opts.waitUs;
  let lines = 0;
  let s = collectStatus(p.lab);
  while (opts.wait && !isReady(s, opts)) {
    await p.sleep(RETRY_US);
    if (p.isInterrupted) return 130;
    if (opts.interactive) {
      const text = formatStatus(s);
      p.out('\x1b[A\x1b[2K'.repeat(lines) + text);
      lines = wrappedLines(text);
    }
    if (p.lab.nowUs >= deadline) {
      p.err(`${formatStatus(s)}\nError: Unable to determine status:  timeout while waiting for status to become successful: context deadline exceeded\n`);
      return 1;
    }
    s = collectStatus(p.lab);
  }
  p.out('\x1b[A\x1b[2K'.repeat(lines) + formatStatus(s));
  return 0;
}
