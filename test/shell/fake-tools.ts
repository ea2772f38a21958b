// Test support: emulated commands for interpreter tests — a ticker that prints a line every virtual
// second (forever, or N times), a tool that handles Ctrl-C as ping does, and one that echoes its stdin
// in chunks as they arrive.

import type { Tool } from '../../src/tools/process.js';

/** `ticker [N]`: "tick 1", "tick 2", ... one per virtual second; forever without N. */
export const ticker: Tool = async (p) => {
  const n = p.argv[1] === undefined ? Number.POSITIVE_INFINITY : Number(p.argv[1]);
  for (let i = 1; i <= n; i++) {
    if (i > 1) await p.sleep(1_000_000);
    p.out(`tick ${i}\n`);
  }
  return 0;
};

/** `pinger`: a line a second until Ctrl-C, then a summary and exit 1 (what ping does). */
export const pinger: Tool = async (p) => {
  let stop = false;
  p.onInterrupt(() => {
    stop = true;
  });
  let i = 0;
  while (!stop) {
    p.out(`reply ${++i}\n`);
    await p.until(() => stop, 1_000_000);
  }
  p.out(`--- ${i} replies ---\n`);
  return 1;
};

/** `upcase`: stdin to stdout in upper case, chunk by chunk. */
export const upcase: Tool = async (p) => {
  for await (const c of p.stdin.chunks()) p.out(c.toUpperCase());
  return 0;
};

export const FAKE_TOOLS: ReadonlyMap<string, Tool> = new Map([
  ['ticker', ticker],
  ['pinger', pinger],
  ['upcase', upcase],
]);
