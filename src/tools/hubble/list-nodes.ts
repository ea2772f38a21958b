// Layer tools (hubble): `hubble list nodes` (hubble 1.18.0, cmd/list/node.go): the nodes Relay knows,
// sorted by name, in a tabwriter table NAME STATUS AGE FLOWS/S CURRENT/MAX-FLOWS — age is the agent's
// uptime rounded to the second, flows/s the flows seen over it, "N/A" for a node that is not serving.

import { HubbleObserver } from '../../observe/index.js';
import { Tabwriter } from '../kubectl/text/tabwriter.js';
import type { Process } from '../process.js';
import { parseFlags, specsOf } from './flag-parser.js';
import { connectHubble, GLOBAL_FLAGS } from './global-flags.js';
import { LIST_FORMATTING } from './help.js';

/** time.Duration(d).Round(time.Second).String() for whole seconds. */
function goSeconds(total: number): string {
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
}

export async function listNodes(p: Process, argv: readonly string[]): Promise<number> {
  const fail = (msg: string) => {
    p.err(`${msg}\n`);
    return 1;
  };
  const parsed = parseFlags(argv, [...GLOBAL_FLAGS, ...specsOf(LIST_FORMATTING.flags)]);
  if (!parsed.ok) return fail(parsed.error);
  const output = [...parsed.flags].reverse().find((f) => f.name === 'output')?.value ?? 'table';
  const conn = await connectHubble(p, parsed.flags);
  if (!conn.ok) return fail(conn.error);
  if (output === 'json' || output === 'wide') return fail(`hubble list nodes: -o ${output} is not emulated by ciliumlab`);
  if (output !== 'table') return fail(`unknown output format: ${output}`);
  const nodes = [...HubbleObserver.of(p.lab).nodes()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const tw = new Tabwriter((t) => p.out(t), { minwidth: 2, tabwidth: 0, padding: 3, rememberWidths: false });
  let text = 'NAME\tSTATUS\tAGE\tFLOWS/S\tCURRENT/MAX-FLOWS\n';
  for (const n of nodes) {
    const uptime = n.isServing ? Math.round((p.lab.nowUs - n.startUs) / 1e6) : 0;
    const age = uptime > 0 ? goSeconds(uptime) : 'N/A';
    const rate = uptime > 0 ? (n.seenFlows / uptime).toFixed(2) : 'N/A';
    const ratio = n.isServing && n.maxFlows > 0 ? `${n.numFlows}/${n.maxFlows} (${((n.numFlows / n.maxFlows) * 100).toFixed(2).padStart(6)}%)` : 'N/A';
    text += `${n.name}\t${n.isServing ? 'Connected' : 'Unavailable'}\t${age}\t${rate}\t${ratio}\n`;
  }
  tw.write(text);
  tw.flush();
  return 0;
}
