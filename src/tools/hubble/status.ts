// Layer tools (hubble): `hubble status` (cmd/status/status.go): the gRPC health check, then the server
// status Relay aggregates over the nodes — flows held and their capacity, flows per second over the
// uptime, connected nodes — in compact form ("Healthcheck (via localhost:4245): Ok").

import { HubbleObserver } from '../../observe/index.js';
import type { Process } from '../process.js';
import { parseFlags, specsOf } from './flag-parser.js';
import { connectHubble, GLOBAL_FLAGS } from './global-flags.js';
import { STATUS_FORMATTING } from './help.js';

/** uint64Grouping: thousands separated by commas. */
function grouping(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export async function status(p: Process, argv: readonly string[]): Promise<number> {
  const parsed = parseFlags(argv, [...GLOBAL_FLAGS, ...specsOf(STATUS_FORMATTING.flags)]);
  if (!parsed.ok) {
    p.err(`${parsed.error}\n`);
    return 1;
  }
  const output = [...parsed.flags].reverse().find((f) => f.name === 'output')?.value ?? 'compact';
  const conn = await connectHubble(p, parsed.flags);
  if (!conn.ok) {
    p.err(`failed getting status: ${conn.error}\n`);
    return 1;
  }
  if (output !== 'compact') {
    p.err(`invalid output format: ${output}\n`);
    return 1;
  }
  const nodes = HubbleObserver.of(p.lab).nodes();
  const serving = nodes.filter((n) => n.isServing);
  const num = serving.reduce((s, n) => s + n.numFlows, 0);
  const max = serving.reduce((s, n) => s + n.maxFlows, 0);
  const seen = serving.reduce((s, n) => s + n.seenFlows, 0);
  const uptimeS = serving.reduce((s, n) => Math.max(s, (p.lab.nowUs - n.startUs) / 1e6), 0);
  const ratio = max > 0 ? ` (${((num / max) * 100).toFixed(2)}%)` : '';
  let out = `Healthcheck (via ${conn.target}): Ok\n`;
  out += `Current/Max Flows: ${grouping(num)}/${grouping(max)}${ratio}\n`;
  out += `Flows/s: ${uptimeS > 0 ? (seen / uptimeS).toFixed(2) : 'N/A'}\n`;
  out += `Connected Nodes: ${serving.length}/${nodes.length}\n`;
  const down = nodes.filter((n) => !n.isServing).map((n) => n.name);
  if (down.length > 0) out += `Unavailable Nodes: ${down.length}\n  - ${down.join('\n  - ')}\n`;
  p.out(out);
  return 0;
}
