// Layer cilium (conntrack): bpf_mono_now() and bpf_sec_to_mono() (bpf/lib/mono.h), the clock of CT
// lifetimes, report stamps and NAT creation times. By default ktime: whole seconds of CLOCK_MONOTONIC since
// boot. With enable-bpf-clock-probe the agent compiles ENABLE_JIFFIES in: jiffies >> 8, where jiffies_64
// starts at INITIAL_JIFFIES (300 s before its 32-bit wrap) and ticks KERNEL_HZ times a second. The readers
// (pkg/maps/timestamp) convert either back to seconds. Values stay far below 2^31 (`| 0` truncates like the
// kernel's integer division, and keeps them small integers for the engine).

import type { Machine } from '../../../net/machine.js';

export type ClockSource = 'ktime' | 'jiffies';

/** CONFIG_HZ of Ubuntu 24.04's generic 6.8 kernel (raised from 250 for noble, LP: #2051342). */
export const KERNEL_HZ = 1000;
/** BPF_MONO_SCALER and pkg/maps/timestamp's bpfMonoScaler. */
const MONO_SCALER = 256;
const INITIAL_JIFFIES = 2 ** 32 - 300 * KERNEL_HZ;

/** jiffies_64 of `machine` at virtual time `nowUs`. */
export function jiffies(machine: Machine, nowUs: number): number {
  return INITIAL_JIFFIES + Math.floor(((nowUs - machine.bootUs) * KERNEL_HZ) / 1_000_000);
}

/** bpf_ktime_get_sec(). */
export function ktimeSec(machine: Machine, nowUs: number): number {
  return ((nowUs - machine.bootUs) / 1_000_000) | 0;
}

/** GetCTCurTime: the clock as the datapath stores it, in `source`'s units. */
export function bpfMonoNow(source: ClockSource, machine: Machine, nowUs: number): number {
  return source === 'ktime' ? ktimeSec(machine, nowUs) : (jiffies(machine, nowUs) / MONO_SCALER) | 0;
}

/** bpf_sec_to_mono. */
export function bpfSecToMono(source: ClockSource, s: number): number {
  return source === 'ktime' ? s : ((s * KERNEL_HZ) / MONO_SCALER) | 0;
}

/** NewCTTimeToSecConverter: a stored value back in seconds, with the Hz the reader assumes. */
export function monoToSec(source: ClockSource, t: number, hz = KERNEL_HZ): number {
  return source === 'ktime' ? t : Math.floor((t * MONO_SCALER) / hz);
}
