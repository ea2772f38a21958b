// Benchmarks (npm run bench): each figure on its own line as `name: value unit`, medians over several runs.
// - build-default-lab: building the default week-4 lab in-process, once warmed up (the median of 31 builds
//   after 80); build-default-lab-first: the process's first build, with none of its code compiled yet.
// - pcap-write: PcapWriter throughput on full-size frames.
// - tcpdump-*: printing tcpdump -nn lines for -i any, writing them as pcap, matching a filter.
// - explain-ping-*: explaining one ping hop by hop (the failing native one, the answered VXLAN one).
// - packet-engine: pod-to-pod UDP across the router in tunnel mode (encapsulation, three forwarding hosts,
//   decapsulation, full bytes) per second of wall time: packet-hops (each packet counts one hop per
//   forwarding host, three), packets, and device transmissions (four per packet) on lines of their own.
// - seed-command-*: the wall time of each command of the seed's walkthrough (median and 90th percentile).
// - cli-first-prompt: `ciliumlab` on a terminal until its first prompt (needs `npm run build` first).
// - calibration-sha256-before/-after: the machine's speed just before the build figures and just after the
//   packet engine's (a fixed workload foreign to the project): on a shared machine, read the figures with it.

import { loadDefaultLab } from '../src/lab/index.js';
import { benchBuild } from './build-lab.js';
import { benchCalibration } from './calibration.js';
import { benchPacketEngine } from './packet-engine.js';
import { benchPcapWrite } from './pcap-write.js';
import { benchExplain } from './explain.js';
import { benchTcpdump } from './tcpdump.js';
import { benchFirstPrompt, benchSeedCommands } from './shell.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const calibrate = (): string => median([1, 2, 3, 4, 5].map(() => benchCalibration())).toFixed(0);
console.log(`calibration-sha256-before: ${calibrate()} MB/s`);
const spec = loadDefaultLab();
const first = benchBuild(spec, 1)[0] ?? 0;
// Warm-up to the steady state: the build runs some 500 functions a few times each, and V8 keeps optimizing
// them over the first 50-100 builds (a build's median falls from about 40 ms to about 22 ms here).
benchBuild(spec, 80);
const builds = benchBuild(spec, 31);
console.log(`build-default-lab: ${median(builds).toFixed(1)} ms`);
console.log(`build-default-lab-first: ${first.toFixed(1)} ms`);

// Two warm-up runs first: the packet path's code tiers up over the first few hundred thousand packets.
for (let i = 0; i < 2; i++) benchPacketEngine(spec, 50_000);
const runs = [1, 2, 3, 4, 5].map(() => benchPacketEngine(spec, 50_000));
console.log(`packet-engine-hops: ${Math.round(median(runs.map((r) => r.hopsPerSec)))} hops/s`);
console.log(`packet-engine-packets: ${Math.round(median(runs.map((r) => r.packetsPerSec)))} packets/s`);
console.log(`packet-engine-device-transmissions: ${Math.round(median(runs.map((r) => r.transmissionsPerSec)))} transmissions/s`);
console.log(`packet-engine-device-transmissions-per-packet: ${median(runs.map((r) => r.transmissionsPerPacket)).toFixed(1)} transmissions`);
console.log(`calibration-sha256-after: ${calibrate()} MB/s`);
console.log(`pcap-write: ${median([1, 2, 3].map(() => benchPcapWrite(150))).toFixed(0)} MB/s`);
const explain = benchExplain(spec);
console.log(`explain-ping-native-dropped: ${explain.nativeDroppedMs.toFixed(2)} ms`);
console.log(`explain-ping-vxlan-answered: ${explain.tunnelAnsweredMs.toFixed(2)} ms`);
const tcpdumpRuns = [1, 2, 3].map(() => benchTcpdump(100_000));
console.log(`tcpdump-print: ${Math.round(median(tcpdumpRuns.map((r) => r.linesPerSec)))} lines/s`);
console.log(`tcpdump-pcap-write: ${median(tcpdumpRuns.map((r) => r.pcapMBPerSec)).toFixed(0)} MB/s`);
const commandTimes = await benchSeedCommands();
console.log(`seed-command-median: ${median(commandTimes).toFixed(2)} ms`);
console.log(`seed-command-p90: ${[...commandTimes].sort((a, b) => a - b)[Math.floor(commandTimes.length * 0.9)]?.toFixed(2)} ms`);
console.log(`seed-command-count: ${commandTimes.length} commands`);
const prompts: number[] = [];
for (let i = 0; i < 5; i++) prompts.push(await benchFirstPrompt());
console.log(`cli-first-prompt: ${median(prompts).toFixed(0)} ms`);
