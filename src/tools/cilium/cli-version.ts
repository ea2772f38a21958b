// Layer tools (cilium): `cilium version` of cilium-cli v0.18.6 (cli/version.go): the CLI build (Go 1.24.5,
// linux/amd64), the newest release among its embedded charts, the stable version it fetches from GitHub
// ("unknown" when the fetch fails, as it does in the lab, which has no Internet) and the chart version
// of the installed release; and `cilium version` inside the agent (cilium-dbg/cmd/version.go).

import type { Process } from '../process.js';
import { lastRelease } from '../helm/release-store.js';
import { CILIUM_GIT_HASH, CILIUM_VERSION } from './agent-status.js';

export const CLI_VERSION = 'v0.18.6';
const GO = 'go1.24.5';

export function cliVersion(p: Process, opts: { readonly clientOnly: boolean }): number {
  let out = `cilium-cli: ${CLI_VERSION} compiled with ${GO} on linux/amd64\ncilium image (default): v${CILIUM_VERSION}\ncilium image (stable): unknown\n`;
  if (!opts.clientOnly) {
    const rel = lastRelease(p.lab, 'kube-system', 'cilium');
    out += rel ? `cilium image (running): ${rel.chartVersion}\n` : 'cilium image (running): unknown. Unable to obtain cilium version. Reason: release: not found\n';
  }
  p.out(out);
  return 0;
}

/** pkg/version's one-line build string, as the agent binary and its daemon report it. */
const BUILD = `${CILIUM_VERSION} ${CILIUM_GIT_HASH} 2025-07-28T15:22:50+02:00 go version ${GO} linux/amd64`;

/** The daemon's half comes from its debuginfo API: "Not responding" while no agent runs. */
export function dbgVersion(p: Process, opts: { readonly isAgentUp: boolean }): number {
  p.out(`Client: ${BUILD}\nDaemon: ${opts.isAgentUp ? BUILD : 'Not responding'}\n`);
  return 0;
}
