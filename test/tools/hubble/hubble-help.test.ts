// hubble 1.18.0's help: `hubble observe --help` byte for byte as hubble/cmd/observe_help.txt (the golden the
// hubble repo tests its help against, copied to test/golden/help/), root/status/list help rebuilt from
// cmd/root.go, status/status.go, list/*.go with hubble's usage template (cmd/common/template/usage.go);
// every flag the help lists parses, and the ones observe does not model say so.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { flagUsages } from '../../../src/tools/cobra-help.js';
import { hubble } from '../../../src/tools/hubble/index.js';
import { OBSERVE_SETS } from '../../../src/tools/hubble/observe-help.js';
import { SERVER_SET } from '../../../src/tools/hubble/global-flags.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { week4 } from '../../support/week4.js';

const GOLDEN = readFileSync(new URL('../../golden/help/hubble-observe.txt', import.meta.url), 'utf8').replace('%s', '/root/.config/hubble/config.yaml');
const GLOBAL = 'Global Flags:\n      --config string   Optional config file (default "/root/.config/hubble/config.yaml")\n  -D, --debug           Enable debug messages\n\nGet help:\n  -h, --help\tHelp for any command or subcommand';

describe('hubble help', () => {
  const lab = week4();
  const run = (...args: string[]) => runTool(lab, hubble, hostOf(lab, 'k8s-ctr'), ['hubble', ...args]);

  test('observe --help, observe -h and help observe print observe_help.txt', async () => {
    for (const args of [['observe', '--help'], ['observe', '-h'], ['help', 'observe'], ['--server', 'x:1', 'observe', '--pod', 'a', '--help']]) {
      expect(await run(...args)).toEqual({ stdout: GOLDEN, stderr: '', exitCode: 0 });
    }
  });

  test('the root: Long, the visible commands (record, reflect, watch are hidden), global flags', async () => {
    const root = `Hubble is a utility to observe and inspect recent Cilium routed traffic in a cluster.

Usage:
  hubble [command]

Available Commands:
  completion  Generate the autocompletion script for the specified shell
  config      Modify or view hubble config
  help        Help about any command
  list        List Hubble objects
  observe     Observe flows and events of a Hubble server
  status      Display status of Hubble server
  version     Display detailed version information

${GLOBAL}

Use "hubble [command] --help" for more information about a command.
`;
    for (const args of [['--help'], ['-h'], ['help'], []]) expect((await run(...args)).stdout).toBe(root);
  });

  test('status --help lists the server set only (its -o is not registered for help)', async () => {
    const r = await run('status', '--help');
    expect(r.stdout).toBe(`Display shows the status of the Hubble server. This is intended as a basic\nconnectivity health check.\n\nUsage:\n  hubble status [flags]\n\nServer Flags:\n${flagUsages(SERVER_SET.flags)}\n${GLOBAL}\n`);
    expect(r.stdout).toContain('      --tls                           Specify that TLS must be used when establishing a connection to a Hubble server.\r\n                                      By default');
  });

  test('list and list nodes (alias node)', async () => {
    expect((await run('list')).stdout).toBe(`List Hubble objects\n\nUsage:\n  hubble list [command]\n\nAvailable Commands:\n  namespaces  List namespaces with recent flows\n  nodes       List Hubble nodes\n\nServer Flags:\n${flagUsages(SERVER_SET.flags)}\n${GLOBAL}\n\nUse "hubble list [command] --help" for more information about a command.\n`);
    const nodes = (await run('list', 'node', '--help')).stdout;
    expect(nodes).toMatch(/^List Hubble nodes\n\nUsage:\n  hubble list nodes \[flags\]\n\nAliases:\n  nodes, node\n\nFormatting Flags:\n/);
    expect(nodes).toContain('  -o, --output string   Specify the output format, one of:\n                         json:     JSON encoding\n                         table:    Tab-aligned columns\n                         wide:     Tab-aligned columns with additional information (default "table")\n\nServer Flags:\n');
  });

  test('help for an unknown topic, commands not emulated', async () => {
    expect((await run('help', 'nope')).stdout).toMatch(/^Unknown help topic \[`nope`\]\nUsage:\n  hubble \[command\]\n/);
    expect(await run('version')).toEqual({ stdout: '', stderr: 'hubble version: not emulated by ciliumlab\n', exitCode: 1 });
    expect((await run('bogus')).stderr).toBe('unknown command "bogus" for "hubble"\n');
  });

  test('every flag observe --help lists is accepted, or refused as not emulated', async () => {
    for (const f of OBSERVE_SETS.flatMap((s) => s.flags)) {
      const value = f.type === 'bool' || f.noOptDefVal !== undefined ? [] : [/^uint/.test(f.type) ? '1' : 'x'];
      const r = await run('observe', `--${f.name}`, ...value, '--print-raw-filters');
      expect(r.stderr, f.name).toMatch(/is not emulated by ciliumlab\n$/);
    }
  });
});
