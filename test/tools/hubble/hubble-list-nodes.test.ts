// `hubble list nodes` (hubble 1.18.0, cmd/list/node.go): like observe it needs the relay port-forward (the
// same grpc dial error without it); with it, one row per agent sorted by name, the tabwriter columns
// NAME STATUS AGE FLOWS/S CURRENT/MAX-FLOWS, the ratio as "%d/%d (%6.2f%%)".

import { describe, expect, test } from 'vitest';
import { HubbleObserver } from '../../../src/observe/index.js';
import { hubble } from '../../../src/tools/hubble/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { week4 } from '../../support/week4.js';
import { portForward } from '../../observe/lab-runs.js';

const HOSTS = { '/etc/hosts': '127.0.0.1 localhost\n' };

describe('hubble list nodes', () => {
  test('without the port-forward: the dial error', async () => {
    const lab = week4();
    const r = await runTool(lab, hubble, hostOf(lab, 'k8s-ctr', HOSTS), ['hubble', 'list', 'nodes']);
    expect(r).toEqual({ stdout: '', stderr: 'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:4245: connect: connection refused"\n', exitCode: 1 });
  });

  test('with it: the agents, each with its uptime, flow rate and buffer use', async () => {
    const lab = week4();
    const nodes = HubbleObserver.of(lab).nodes();
    const stop = portForward(lab);
    const r = await runTool(lab, hubble, hostOf(lab, 'k8s-ctr', HOSTS), ['hubble', 'list', 'node']);
    stop();
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME {3,}STATUS {6}AGE {3,}FLOWS\/S {3}CURRENT\/MAX-FLOWS$/);
    expect(lines.slice(1).map((l) => l.split(/ {3,}/)[0])).toEqual(nodes.map((n) => n.name).sort());
    for (const l of lines.slice(1)) expect(l).toMatch(/^k8s-\S+ +Connected +(\d+h)?(\d+m)?\d+s +\d+\.\d\d +\d+\/4095 \( *\d+\.\d\d%\)$/);
  });

  test('-o json and -o wide are not emulated; other formats are refused as hubble does', async () => {
    const lab = week4();
    const stop = portForward(lab);
    const host = hostOf(lab, 'k8s-ctr', HOSTS);
    expect((await runTool(lab, hubble, host, ['hubble', 'list', 'nodes', '-o', 'json'])).stderr).toBe('hubble list nodes: -o json is not emulated by ciliumlab\n');
    expect((await runTool(lab, hubble, host, ['hubble', 'list', 'nodes', '-o', 'yaml'])).stderr).toBe('unknown output format: yaml\n');
    stop();
  });
});
