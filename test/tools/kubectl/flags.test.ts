// Command lines with spf13/pflag v1.0.5 and cobra v1.8 semantics: attached and `=` values for short and
// long flags, bundled booleans, flags before the verb, `--` ending flags, pflag's error texts, and cobra's
// lookup of the verb among global flags. The same command spelled every way must print the same thing.

import { beforeAll, describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { FlagError, FlagSet } from '../../../src/tools/kubectl/cli/flag-set.js';
import { week4 } from '../../support/week4.js';
import { kc } from './kubectl-harness.js';

let lab: Lab;
beforeAll(() => {
  lab = week4();
});

describe('the same command, spelled differently', () => {
  test.each([
    ['kubectl get ds -n kube-system -o name'],
    ['kubectl get ds -nkube-system -oname'],
    ['kubectl get ds -n=kube-system -o=name'],
    ['kubectl get ds --namespace kube-system --output name'],
    ['kubectl get ds --namespace=kube-system --output=name'],
    ['kubectl -n kube-system get ds -o name'],
    ['kubectl --namespace=kube-system get -oname ds'],
    ['kubectl get daemonsets.apps -n kube-system -o name'],
    ['kubectl get daemonset.v1.apps -n kube-system -o name'],
  ])('%s', async (line) => {
    const names = lab.k8s.api.list('DaemonSet', { namespace: 'kube-system' }).map((d) => `daemonset.apps/${d.metadata.name}\n`);
    expect(names.length).toBeGreaterThan(1);
    expect(await kc(lab, line)).toEqual({ stdout: names.join(''), stderr: '', exitCode: 0 });
  });

  test('-owide, -o wide and --output=wide', async () => {
    const a = await kc(lab, 'kubectl get no -owide');
    expect((await kc(lab, 'kubectl get no -o wide')).stdout).toBe(a.stdout);
    expect((await kc(lab, 'kubectl get nodes --output=wide')).stdout).toBe(a.stdout);
  });

  test('-oyaml and -o yaml', async () => {
    const a = await kc(lab, 'kubectl get svc webpod -oyaml');
    expect(a.stdout).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n/);
    expect((await kc(lab, 'kubectl get svc webpod -o yaml')).stdout).toBe(a.stdout);
  });
});

describe('pflag errors through kubectl', () => {
  test.each([
    ['kubectl get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get pods -Z', "error: unknown shorthand flag: 'Z' in -Z\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get pods -o', "error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get pods --output', "error: flag needs an argument: --output\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get pods --watch=maybe', 'error: invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl get --help\' for usage.\n'],
    ['kubectl logs curl-pod --tail=x', 'error: invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl logs --help\' for usage.\n'],
  ])('%s', async (line, stderr) => {
    expect(await kc(lab, line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('FlagSet', () => {
  const fs = () =>
    new FlagSet().add(
      { name: 'stdin', short: 'i', kind: 'bool' },
      { name: 'tty', short: 't', kind: 'bool' },
      { name: 'container', short: 'c', kind: 'string' },
      { name: 'filename', short: 'f', kind: 'stringSlice' },
      { name: 'env', kind: 'stringArray' },
    );

  test('bundled booleans -it and a bundled value -itc name', () => {
    const f = fs();
    const r = f.parse(['-itcagent', 'pod', '--', 'sh', '-c', 'ls']);
    expect([f.bool('stdin'), f.bool('tty'), f.string('container')]).toEqual([true, true, 'agent']);
    expect(r).toEqual({ args: ['pod', 'sh', '-c', 'ls'], argsLenAtDash: 1 });
  });

  test('string slices split on commas and append; string arrays do not split', () => {
    const f = fs();
    f.parse(['-f', 'a.yaml,b.yaml', '--filename=c.yaml', '--env', 'A=1,2', '--env=B=3']);
    expect(f.strings('filename')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(f.strings('env')).toEqual(['A=1,2', 'B=3']);
  });

  test('a lone "-" is an argument; "--" ends flags', () => {
    const f = fs();
    expect(f.parse(['-f', '-', '-', '--', '-t'])).toEqual({ args: ['-', '-t'], argsLenAtDash: 1 });
    expect(f.strings('filename')).toEqual(['-']);
    expect(f.bool('tty')).toBe(false);
  });

  test('bool flags take =false, not a following word', () => {
    const f = fs();
    expect(f.parse(['-t=false', '--stdin', 'false']).args).toEqual(['false']);
    expect([f.bool('tty'), f.bool('stdin')]).toEqual([false, true]);
  });

  test('errors', () => {
    expect(() => fs().parse(['---x'])).toThrow(new FlagError('bad flag syntax: ---x'));
    expect(() => fs().parse(['-c'])).toThrow("flag needs an argument: 'c' in -c");
    expect(() => fs().parse(['-tx'])).toThrow("unknown shorthand flag: 'x' in -x");
  });
});

describe('help', () => {
  test('root: kubectl\'s command groups, names padded to column 18 (templates.cmdGroupsString)', async () => {
    const r = await kc(lab, 'kubectl');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\.\n\n Find more information at: https:\/\/kubernetes\.io\/docs\/reference\/kubectl\/\n\nBasic Commands \(Beginner\):\n {2}create {10}Create a resource from a file or from stdin\n/);
    expect(r.stdout).toContain('\nOther Commands:\n  api-resources   Print the supported API resources on the server\n');
    expect(r.stdout).toMatch(/\nUsage:\n {2}kubectl \[flags\] \[options\]\n\nUse "kubectl <command> --help" for more information about a given command\.\n/);
  });

  test('a command group without a subcommand: help on stderr, exit 1 (DefaultSubCommandRun)', async () => {
    const r = await kc(lab, 'kubectl rollout');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Available Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n');
  });
});
