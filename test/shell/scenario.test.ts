// Scenarios: the file format's errors, a passing and a failing run with their transcripts (prompt,
// command, output, terminal switches, ^C), a command left running in a second terminal, and the seed's
// whole walkthrough (examples/week4-encapsulation) with every check, twice with one seed: same transcript.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, runScenario, VirtualTimeDriver, type Scenario } from '../../src/shell/index.js';
import { commands } from '../../src/tools/registry.js';
import { FAKE_TOOLS } from './fake-tools.js';
import { defaultLab, macrotask } from './support.js';

async function play(text: string, tools = FAKE_TOOLS, seed?: number): Promise<{ transcript: string; failures: number; checks: number }> {
  const r = loadScenario(text, 'test.yaml');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return playScenario(r.scenario, tools, seed);
}

async function playScenario(scn: Scenario, tools: ReadonlyMap<string, import('../../src/tools/process.js').Tool>, seed?: number) {
  const lab = defaultLab({ fresh: true, ...(seed !== undefined ? { seed } : {}) });
  const driver = new VirtualTimeDriver(lab.scheduler, macrotask);
  let transcript = '';
  const res = await runScenario(scn, { lab, driver, tools, write: (t) => void (transcript += t) });
  return { transcript, ...res };
}

describe('scenario files', () => {
  it('name the field that is wrong', () => {
    const r = loadScenario('name: x\nsteps:\n  - run: ls\n    interruptAfter: soon\n  - wait: 1s\n    terminal: nope\n  - frobnicate: 1\n', 's.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      's.yaml: steps[2]: a step needs one of: run, interrupt, wait, reach, note',
    ]);
    const r2 = loadScenario('name: x\nsteps:\n  - run: ls\n    interruptAfter: soon\n  - wait: 1s\n    terminal: nope\n', 's.yaml');
    expect(r2.ok ? [] : r2.errors).toEqual(['s.yaml: steps[0].interruptAfter: "soon" is not a duration: write a number followed by a unit, e.g. 400us, 0.4ms, 1ms, 59m, 1h30m', 's.yaml: steps[1].terminal: no terminal "nope" (terminals: main)']);
  });
});

describe('running a scenario', () => {
  it('prints prompt, command and output, and passes when the checks hold', async () => {
    const r = await play('name: ok\nsteps:\n  - run: echo hello | tr a-z A-Z\n    expect: { exit: 0, lines: [HELLO], patterns: ["^H.LLO$"] }\n  - run: "false"\n    expect: { exit: 1 }\n');
    expect(r.transcript).toBe('(⎈|HomeLab:N/A) root@k8s-ctr:~# echo hello | tr a-z A-Z\nHELLO\n(⎈|HomeLab:N/A) root@k8s-ctr:~# false\n\n# scenario ok: 2 checks, 0 failed\n');
    expect(r.failures).toBe(0);
  });

  it('reports a failed check under its step and counts it', async () => {
    const r = await play('name: bad\nsteps:\n  - run: echo one\n    expect: { exit: 3, lines: [two], absent: [one] }\n');
    expect(r.failures).toBe(1);
    expect(r.transcript).toContain('✗ [main] exit status 0, expected 3\n✗ [main] no line "two"\n✗ [main] unexpected line matching /one/: "one"\n');
  });

  it('keeps a command running in one terminal while another works, and shows its output when it is looked at again', async () => {
    const r = await play(
      [
        'name: two',
        'terminals: { main: { host: k8s-ctr }, router: { host: router } }',
        'steps:',
        '  - terminal: router',
        '    run: ticker',
        '    keepRunning: true',
        '  - run: sleep 2',
        '  - terminal: router',
        '    interrupt: true',
        '    expect: { lines: [tick 1, tick 2, tick 3] }',
        '  - run: ticker 9',
        '    interruptAfter: 1500ms',
        '    expect: { exit: 130 }',
      ].join('\n'),
    );
    expect(r.failures).toBe(0);
    expect(r.transcript).toBe(
      '\n─── router ───\nroot@router:~# ticker\ntick 1\n\n─── main ───\n(⎈|HomeLab:N/A) root@k8s-ctr:~# sleep 2\n\n─── router ───\ntick 2\ntick 3\n^C\n\n─── main ───\n(⎈|HomeLab:N/A) root@k8s-ctr:~# ticker 9\ntick 1\ntick 2\n^C\n\n# scenario two: 2 checks, 0 failed\n',
    );
  });
});

describe('examples/week4-encapsulation', () => {
  const text = readFileSync('examples/week4-encapsulation/scenario.yaml', 'utf8');

  it.skipIf(!commands.has('tcpdump'))('replays the seed’s walkthrough with every check passing', async () => {
    const r = await play(text, commands);
    expect(r.transcript.split('\n').filter((l) => l.startsWith('✗'))).toEqual([]);
    expect(r.checks).toBeGreaterThan(50);
  });

  it('gives the same transcript for the same seed', async () => {
    const scn = loadScenario(text, 'scenario.yaml');
    if (!scn.ok) throw new Error(scn.errors.join('\n'));
    const short: Scenario = { ...scn.scenario, steps: scn.scenario.steps.slice(0, 32) };
    const a = await playScenario(short, commands, 7);
    const b = await playScenario(short, commands, 7);
    expect(a.transcript).toBe(b.transcript);
    expect(a.transcript).toContain('Hostname: webpod-');
  });
});
