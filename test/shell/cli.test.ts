// The ciliumlab command as a user runs it: commands piped on stdin (read line by line like bash, no
// prompt, the last status as the exit status), `run FILE` with its transcript and exit status, --help,
// and bad arguments. dist/ is rebuilt first when a source file is newer than it.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function cli(args: string[], input = ''): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('node', ['bin/ciliumlab.js', ...args], { input, encoding: 'utf8', timeout: 120_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

beforeAll(() => {
  let built = 0;
  try {
    built = statSync('dist/cli/main.js').mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newestMtime('src')) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}, 300_000);

describe('ciliumlab with commands on stdin', () => {
  it('runs them like bash reading a script: no prompt, errors with line numbers, status of the last command', () => {
    const r = cli([], 'kubectl get no | tail -n +2 | cut -d" " -f1\nexport X=$(hostname)\necho "on $X"\nnosuch\nexit 4\necho never\n');
    expect(r.stdout).toBe('k8s-ctr\nk8s-w0\nk8s-w1\non k8s-ctr\n');
    expect(r.stderr).toBe('bash: line 4: nosuch: command not found\n');
    expect(r.status).toBe(4);
  });

  it('starts on the host --host names and uses --seed', () => {
    const a = cli(['--host', 'router', '--seed', '3'], 'hostname\nip -br -4 addr show dev loop1\n');
    expect(a.stdout).toMatch(/^router\nloop1 +UNKNOWN +10\.10\.1\.200\/24 *\n$/);
    expect(a.status).toBe(0);
    const b1 = cli(['--seed', '3'], 'kubectl get ciliumnode k8s-w1 -o jsonpath={.spec.ipam.podCIDRs}\n');
    const b2 = cli(['--seed', '3'], 'kubectl get ciliumnode k8s-w1 -o jsonpath={.spec.ipam.podCIDRs}\n');
    expect(b1.stdout).toBe(b2.stdout);
  });
});

describe('ciliumlab run FILE', () => {
  it('prints the transcript and exits 1 when a check fails, 0 when all pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciliumlab-'));
    writeFileSync(join(dir, 'ok.yaml'), 'name: ok\nsteps:\n  - run: echo hi\n    expect: { lines: [hi] }\n');
    writeFileSync(join(dir, 'bad.yaml'), 'name: bad\nsteps:\n  - run: echo hi\n    expect: { lines: [bye] }\n');
    const ok = cli(['run', join(dir, 'ok.yaml')]);
    expect(ok.stdout).toBe('(⎈|HomeLab:N/A) root@k8s-ctr:~# echo hi\nhi\n\n# scenario ok: 1 checks, 0 failed\n');
    expect(ok.status).toBe(0);
    const bad = cli(['run', join(dir, 'bad.yaml')]);
    expect(bad.stdout).toContain('✗ [main] no line "bye"\n');
    expect(bad.status).toBe(1);
  });
});

describe('arguments', () => {
  it('answers --help and refuses what it does not know', () => {
    expect(cli(['--help']).stdout).toMatch(/^Usage: ciliumlab \[options\]/);
    const bad = cli(['--frob']);
    expect(bad.stderr).toMatch(/^ciliumlab: unknown option --frob\nUsage:/);
    expect(bad.status).toBe(2);
    const noLab = cli(['--lab', '/nope.yaml'], 'true\n');
    expect(noLab.stderr).toBe('ciliumlab: cannot read lab file /nope.yaml: No such file or directory\n');
    expect(noLab.status).toBe(2);
  });
});
