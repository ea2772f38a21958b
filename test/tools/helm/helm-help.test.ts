// Helm v3.18.4's help (cobra 1.9.1 default template, pflag 1.0.6 columns), rebuilt from cmd/helm/*.go and
// pkg/cli/environment.go at v3.18.4 (no helm binary here): `helm get values --help` exactly; the root,
// aliases and non-runnable commands; every flag upgrade's help lists parses (or is refused as not emulated).

import { describe, expect, test } from 'vitest';
import { flagUsages, findPath } from '../../../src/tools/cobra-help.js';
import { helm } from '../../../src/tools/helm/index.js';
import { helmProgram } from '../../../src/tools/helm/help.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { week4 } from '../../support/week4.js';

const GLOBAL = `Global Flags:
      --burst-limit int                 client-side default throttling limit (default 100)
      --debug                           enable verbose output
      --kube-apiserver string           the address and the port for the Kubernetes API server
      --kube-as-group stringArray       group to impersonate for the operation, this flag can be repeated to specify multiple groups.
      --kube-as-user string             username to impersonate for the operation
      --kube-ca-file string             the certificate authority file for the Kubernetes API server connection
      --kube-context string             name of the kubeconfig context to use
      --kube-insecure-skip-tls-verify   if true, the Kubernetes API server's certificate will not be checked for validity. This will make your HTTPS connections insecure
      --kube-tls-server-name string     server name to use for Kubernetes API server certificate validation. If it is not provided, the hostname used to contact the server is used
      --kube-token string               bearer token used for authentication
      --kubeconfig string               path to the kubeconfig file
  -n, --namespace string                namespace scope for this request
      --qps float32                     queries per second used when communicating with the Kubernetes API, not including bursting
      --registry-config string          path to the registry config file (default "/root/.config/helm/registry/config.json")
      --repository-cache string         path to the directory containing cached repository indexes (default "/root/.cache/helm/repository")
      --repository-config string        path to the file containing repository names and URLs (default "/root/.config/helm/repositories.yaml")
`;

describe('helm help', () => {
  const lab = week4();
  const run = (...args: string[]) => runTool(lab, helm, hostOf(lab, 'k8s-ctr'), ['helm', ...args]);

  test('get values --help, -h, help get values', async () => {
    const text = `
This command downloads a values file for a given release.

Usage:
  helm get values RELEASE_NAME [flags]

Flags:
  -a, --all             dump all (computed) values
  -h, --help            help for values
  -o, --output format   prints the output in the specified format. Allowed values: table, json, yaml (default table)
      --revision int    get the named release with revision

${GLOBAL}`;
    for (const args of [['get', 'values', '--help'], ['-n', 'kube-system', 'get', 'values', 'cilium', '-h'], ['help', 'get', 'values']]) {
      expect(await run(...args)).toEqual({ stdout: text, stderr: '', exitCode: 0 });
    }
  });

  test('the root: Long, every command but the hidden docs, its persistent flags as Flags', async () => {
    const r = await run('--help');
    expect(r.stdout).toMatch(/^The Kubernetes package manager\n\nCommon actions for Helm:\n/);
    expect(r.stdout).toContain('\nUsage:\n  helm [command]\n\nAvailable Commands:\n  completion  generate autocompletion scripts for the specified shell\n  create      create a new chart with the given name\n  dependency  manage a chart\'s dependencies\n  env         helm client environment information\n  get         download extended information of a named release\n  help        Help about any command\n');
    expect(r.stdout).toContain('\n  version     print the client version information\n\nFlags:\n      --burst-limit int                 client-side default throttling limit (default 100)\n');
    expect(r.stdout).toContain('\n  -h, --help                            help for helm\n');
    expect(r.stdout).toMatch(/\n\nUse "helm \[command\] --help" for more information about a command\.\n$/);
    expect((await run()).stdout).toBe(r.stdout);
    expect((await run('help')).stdout).toBe(r.stdout);
  });

  test('aliases and non-runnable parents print help', async () => {
    expect((await run('ls', '--help')).stdout).toContain('\nUsage:\n  helm list [flags]\n\nAliases:\n  list, ls\n\nFlags:\n  -a, --all                  show all releases without any filter applied\n');
    expect((await run('repo', 'up', '-h')).stdout).toContain('Usage:\n  helm repo update [REPO1 [REPO2 ...]] [flags]\n\nAliases:\n  update, up\n');
    expect((await run('get')).stdout).toContain('\nUsage:\n  helm get [command]\n\nAvailable Commands:\n  all         download all information for a named release\n');
    expect((await run('help', 'nope')).stdout).toMatch(/^Unknown help topic \[`nope`\]\nUsage:\n  helm \[command\]\n/);
  });

  test('every flag upgrade --help lists parses; the ones the lab does not model say so', async () => {
    const upgrade = findPath(helmProgram(new Map([['HOME', '/root']])), ['upgrade']);
    const flags = upgrade?.[1]?.flags ?? [];
    expect(flagUsages(flags)).toContain('      --timeout duration                           time to wait for any individual Kubernetes operation (like Jobs for hooks) (default 5m0s)\n');
    for (const f of flags) {
      const r = await run('upgrade', 'cilium', 'cilium/cilium', '-n', 'kube-system', f.type === 'bool' ? `--${f.name}` : `--${f.name}=x`, '--take-ownership');
      expect(r.stderr, f.name).toMatch(/^Error: flag --[\w-]+ is not emulated by ciliumlab\n$|^Error: /);
      expect(r.stderr, f.name).not.toMatch(/unknown flag/);
    }
  });
});
