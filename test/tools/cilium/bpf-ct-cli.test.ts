// The `cilium-dbg bpf ct` commands as cobra and pflag run them (cilium-dbg/cmd/bpf_ct_list.go,
// bpf_ct_flush.go, root.go): a flag error is "Error: <pflag's text>" on stderr, the usage on stdout (the
// root's output is stdout) followed by main's fmt.Println(err), exit 1; a bad map type is the Run's
// PrintErrf (no newline) with exit 0; -h prints the help; flush reports each global map.

import { beforeAll, describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { ping, webpodOn, week4 } from '../../support/week4.js';
import { ctMaps } from './ct-flows.js';
import { agentPod, inAgent, runOn } from './helpers.js';

const USAGE = [
  'Usage:',
  '  cilium-dbg bpf ct list ( global | cluster <identifier> ) [flags]',
  '',
  'Aliases:',
  '  list, ls',
  '',
  'Flags:',
  '  -h, --help                                help for list',
  "  -o, --output string                       json| yaml| jsonpath='{}'",
  '  -d, --time-diff                           print time difference for entries',
  '      --time-diff-clocksource-hz int        manually set clock source Hz (default 250)',
  '      --time-diff-clocksource-mode string   manually set clock source mode (instead of contacting the server)',
  '',
  'Global Flags:',
  '      --config string        Config file (default is $HOME/.cilium.yaml)',
  '  -D, --debug                Enable debug messages',
  '  -H, --host string          URI to server-side API',
  '      --log-driver strings   Logging endpoints to use (example: syslog)',
  '      --log-opt map          Log driver options (example: format=json)',
  '',
].join('\n');

describe('cilium-dbg bpf ct list: flags and arguments', () => {
  let lab: Lab;
  const run = (...args: string[]) => runOn(lab, agentPod(lab, 'k8s-ctr'), ['cilium-dbg', 'bpf', 'ct', ...args]);
  beforeAll(() => {
    lab = week4();
  });

  test.each([
    [['list', 'global', '--bogus'], 'unknown flag: --bogus'],
    [['list', 'global', '-x'], "unknown shorthand flag: 'x' in -x"],
    [['list', 'global', '-dq'], "unknown shorthand flag: 'q' in -q"],
    [['list', 'global', '-o'], "flag needs an argument: 'o' in -o"],
    [['list', 'global', '--output'], 'flag needs an argument: --output'],
    [['list', 'global', '--time-diff=maybe'], 'invalid argument "maybe" for "-d, --time-diff" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['ls', 'global', '--time-diff-clocksource-hz', 'fast'], 'invalid argument "fast" for "--time-diff-clocksource-hz" flag: strconv.ParseInt: parsing "fast": invalid syntax'],
  ])('%j: cobra’s error, the usage, exit 1', async (args, error) => {
    const r = await run(...args);
    expect([r.exitCode, r.stderr, r.stdout]).toEqual([1, `Error: ${error}\n`, `${USAGE}\n${error}\n`]);
  });

  test.each([
    [['list', 'local'], 'Invalid argument: unknown type local'],
    [['list', 'cluster'], 'Invalid argument: missing clusterID'],
  ])('%j: PrintErrf without a newline, exit 0', async (args, error) => {
    const r = await run(...args);
    expect([r.exitCode, r.stderr, r.stdout]).toEqual([0, error, '']);
  });

  test('no argument: PreRun requireEndpointIDorGlobal fails first (Usagef: the error, a blank line, the help; exit 1)', async () => {
    // cilium-dbg/cmd/utils.go Usagef: fmt.Fprintf(os.Stderr, "Error: %s\n\n", txt); cmd.Help(); os.Exit(1)
    const r = await run('list');
    expect([r.exitCode, r.stderr, r.stdout]).toEqual([1, "Error: Missing endpoint id or 'global' argument\n\n", `List connection tracking entries\n\n${USAGE}`]);
  });

  test('-h: the Short text, a blank line, the usage', async () => {
    const r = await run('list', '-h');
    expect([r.exitCode, r.stdout]).toEqual([0, `List connection tracking entries\n\n${USAGE}`]);
  });

  test('a clock source that is neither ktime nor jiffies is Fatalf, exit 1', async () => {
    const r = await run('list', 'global', '-d', '--time-diff-clocksource-mode', 'tsc');
    expect([r.exitCode, r.stderr, r.stdout]).toEqual([1, 'Error: could not determine clocksource: invalid clocksource\n', '']);
  });

  test('an empty node: each map prints nothing but fmt.Println’s newline; -o json an empty list', async () => {
    expect(await inAgent(lab, 'k8s-w0', ['cilium-dbg', 'bpf', 'ct', 'list', 'global'])).toBe('\n\n');
    expect(await inAgent(lab, 'k8s-w0', ['cilium-dbg', 'bpf', 'ct', 'list', 'global', '-o', 'json'])).toBe('[]\n\n');
  });

  test('flush global: every entry of both maps goes, each map reports its count and pinned path', async () => {
    expect(ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w1')).replies).toHaveLength(1);
    const { tcp, any } = ctMaps(await inAgent(lab, 'k8s-ctr', ['cilium-dbg', 'bpf', 'ct', 'list', 'global']));
    const r = await run('flush', 'global');
    expect([r.exitCode, r.stdout]).toEqual([0, `Flushed ${tcp.length} entries from /sys/fs/bpf/tc/globals/cilium_ct4_global\nFlushed ${any.length} entries from /sys/fs/bpf/tc/globals/cilium_ct_any4_global\n`]);
    expect(any.length).toBe(2);
    expect(await inAgent(lab, 'k8s-ctr', ['cilium-dbg', 'bpf', 'ct', 'list', 'global'])).toBe('\n\n');
  });
});
