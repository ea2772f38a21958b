// The acceptance test for the lab shell: examples/week4-encapsulation replays the seed's whole
// walkthrough, and every output the seed shows (each block under a shell prompt in the blog post, kept
// verbatim in test/fixtures/seed/) is compared with the emulator's output for the same command on the same
// host, line for line, after the normalisers listed in ./normalize.ts. The few blocks compared differently
// are listed below, each with its reason.

import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { buildLab, loadDefaultLab } from '../../src/lab/index.js';
import { loadScenario } from '../../src/shell/scenario/load-scenario.js';
import { runScenario } from '../../src/shell/scenario/run-scenario.js';
import { VirtualTimeDriver } from '../../src/shell/virtual-time-driver.js';
import { commands } from '../../src/tools/registry.js';
import { alignBlocks, splitBlocks, squash, type Block } from './blocks.js';
import { NORMALIZERS, normalizeAll, stripBlogComment } from './normalize.js';

/** The blog shows only the start of these outputs. */
const EXCERPTS: Readonly<Record<string, string>> = {
  'vagrant status': 'the blog cut vagrant\'s closing paragraph ("This environment represents multiple VMs...")',
  'ip a': 'the blog shows lo, eth0 and eth1, then "..."',
  'tcpdump -i any icmp -nn': "the blog leaves out tcpdump's closing counts after Ctrl-C",
  'tcpdump -i any udp port 8472 -nn': "the blog leaves out tcpdump's closing counts after Ctrl-C",
};

/** Rows sorted by a random pod name: the rows are compared as a set. */
const ROWS_BY_RANDOM_NAME = new Set(['kubectl get ciliumendpoints']);

/** Which webpod the socket load balancer picks is random per connection: each line must be one of these. */
const RANDOM_BACKEND: Readonly<Record<string, RegExp>> = {
  'kubectl exec -it curl-pod -- curl webpod | grep Hostname': /^(Hostname: webpod-<hash>-<id>|command terminated with exit code 130)$/,
  [squash(`kubectl exec -it curl-pod -- sh -c 'while true; do curl -s --connect-timeout 1 webpod | grep Hostname; echo "---" ; sleep 1; done'`)]: /^(Hostname: webpod-<hash>-<id>|---|command terminated with exit code 130)$/,
};

/** Blocks of the blog that have no separate run. */
const NOT_RUN: ReadonlyArray<readonly [string, string]> = [['tcpdump -i any udp port 8472 -nn', 'the blog prints the same capture twice ("결과1" and "결과2")']];

async function transcript(): Promise<string> {
  const loaded = loadScenario(readFileSync('examples/week4-encapsulation/scenario.yaml', 'utf8'), 'scenario.yaml');
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const lab = buildLab(loadDefaultLab(), { seed: loaded.scenario.seed ?? 1 });
  const driver = new VirtualTimeDriver(lab.scheduler, () => new Promise((r) => setImmediate(r)));
  let out = '';
  await runScenario(loaded.scenario, { lab, driver, tools: commands, write: (t) => void (out += t) });
  return out;
}

function compare(seed: Block, got: Block): { want: string[]; got: string[] } {
  const cmd = squash(seed.command);
  const want = normalizeAll(seed.output.map(stripBlogComment));
  let have = normalizeAll(got.output.filter((l) => !l.startsWith('✗ ')));
  if (EXCERPTS[cmd] !== undefined) have = have.slice(0, want.length - (want.at(-1) === '...' ? 1 : 0)).concat(want.at(-1) === '...' ? ['...'] : []);
  const pattern = RANDOM_BACKEND[cmd];
  if (pattern) return { want: want.map((l) => (pattern.test(l) ? 'ok' : l)), got: have.map((l) => (pattern.test(l) ? 'ok' : l)).slice(0, want.length) };
  if (ROWS_BY_RANDOM_NAME.has(cmd)) return { want: [want[0] ?? '', ...want.slice(1).sort()], got: [have[0] ?? '', ...have.slice(1).sort()] };
  return { want, got: have };
}

test(`the seed's outputs, line for line (normalisers: ${NORMALIZERS.map(([n]) => n).join(', ')}, blog-comments)`, async () => {
  const seed = splitBlocks(readFileSync('test/fixtures/seed/cilium-encapsulation-lab.md', 'utf8'), 'blog');
  const ours = splitBlocks(await transcript(), 'transcript');
  const pairs = alignBlocks(seed, ours);
  const unmatched = seed.filter((b, i) => !pairs.has(i)).map((b) => squash(b.command));
  expect(unmatched).toEqual(NOT_RUN.map(([c]) => c));
  expect(seed.length).toBeGreaterThan(50);
  for (const [i, j] of pairs) {
    const s = seed[i] as Block;
    const r = compare(s, ours[j] as Block);
    expect({ line: s.line, command: s.command, output: r.got }).toEqual({ line: s.line, command: s.command, output: r.want });
  }
});
