// `npm run bench:instructions` (needs valgrind): the packet engine's steady-state cost in instructions, which
// a shared machine's load does not move as it moves wall time. It bundles bench/engine-workload.ts, counts
// the instructions of W and of W + M packets under callgrind (node --predictable: one thread, no
// concurrent compilation) and prints (b - a) / M. With --by-function it also maps the JIT code to its
// JavaScript functions through V8's perf map and prints each one's share per packet.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleBench } from './bundle-bench.mjs';

const W = 60_000;
const M = 40_000;
const OUT = fileURLToPath(new URL('../out/engine-workload.mjs', import.meta.url));
const byFunction = process.argv.includes('--by-function');

await bundleBench(new URL('../bench/engine-workload.ts', import.meta.url), OUT);

/** Runs the workload under callgrind; resolves to the callgrind output file and the perf map of its process. */
function count(packets, tag) {
  const cg = fileURLToPath(new URL(`../out/callgrind.${tag}.out`, import.meta.url));
  const args = ['--tool=callgrind', `--callgrind-out-file=${cg}`, '--smc-check=all-non-file', ...(byFunction ? ['--dump-instr=yes'] : []), process.execPath, '--predictable', ...(byFunction ? ['--perf-basic-prof', '--no-compact-code-space'] : []), OUT, String(packets)];
  return new Promise((resolve, reject) => {
    const p = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const total = /Collected : (\d+)/.exec(err)?.[1];
      if (code !== 0 || total === undefined) return reject(new Error(`valgrind exited ${code}: ${err.slice(-500)}`));
      resolve({ total: Number(total), cg, map: `/tmp/perf-${p.pid}.map` });
    });
  });
}

const [a, b] = await Promise.all([count(W, 'a'), count(W + M, 'b')]);
console.log(`packet-engine-instructions: ${Math.round((b.total - a.total) / M)} instructions/packet`);
if (byFunction) {
  const perFn = (run) => attribute(selfCostByAddress(run.cg), perfMap(run.map));
  const [fa, fb] = [perFn(a), perFn(b)];
  const rows = [...new Set([...fa.keys(), ...fb.keys()])].map((n) => [n, ((fb.get(n) ?? 0) - (fa.get(n) ?? 0)) / M]);
  for (const [n, v] of rows.sort((x, y) => y[1] - x[1]).slice(0, 40)) console.log(`${v.toFixed(0).padStart(7)}  ${n.replace(`file://${OUT}`, '')}`);
}
for (const run of [a, b]) rmSync(run.cg, { force: true });
if (byFunction) for (const run of [a, b]) rmSync(run.map, { force: true });

/** Self cost per instruction address of code callgrind could not name (V8's JIT code), from a --dump-instr file. */
function selfCostByAddress(file) {
  const costs = new Map();
  const objects = new Map();
  let object = '';
  let fnObject = '';
  let last = 0n;
  let isCallCost = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('ob=')) {
      const m = /^ob=\((\d+)\)(?: (.*))?$/.exec(line);
      if (m) {
        if (m[2]) objects.set(m[1], m[2]);
        object = objects.get(m[1]) ?? '';
      }
    } else if (line.startsWith('fn=')) fnObject = object;
    else if (line.startsWith('calls=')) isCallCost = true;
    else if (/^(0x|\+|-|\*)/.test(line)) {
      const [pos, , ir] = line.split(' ');
      last = pos === '*' ? last : pos[0] === '+' ? last + BigInt(pos.slice(1)) : pos[0] === '-' ? last - BigInt(pos.slice(1)) : BigInt(pos);
      if (isCallCost) isCallCost = false; // a call's inclusive cost, not this code's own
      else if (fnObject === '' || fnObject.includes('???')) costs.set(last, (costs.get(last) ?? 0) + Number(ir ?? 0));
    }
  }
  return costs;
}

/** V8's perf map (--perf-basic-prof): start, size and name of each piece of generated code, by start. */
function perfMap(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [start, size, ...name] = l.split(' ');
      return { start: BigInt(`0x${start}`), end: BigInt(`0x${start}`) + BigInt(`0x${size}`), name: name.join(' ') };
    })
    .sort((x, y) => (x.start < y.start ? -1 : 1));
}

function attribute(costs, map) {
  const byName = new Map();
  for (const [addr, ir] of costs) {
    let lo = 0;
    let hi = map.length - 1;
    let found;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid].start <= addr) {
        found = map[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const name = found && addr < found.end ? found.name : '(not generated code)';
    byName.set(name, (byName.get(name) ?? 0) + ir);
  }
  return byName;
}
