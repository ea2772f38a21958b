// Layer tools (cilium): `cilium install` and `cilium upgrade` of cilium-cli v0.18.6 in Helm mode
// (cli/install.go, install/install.go preinstall, install/autodetect.go, install/upgrade.go): the
// autodetection lines, then Helm's upgrade action on the release — the code path `helm upgrade` takes —
// resetting then reusing the release's values unless told otherwise; install fails while the release lives.

import { CHART_VERSION } from '../../cilium/chart/index.js';
import { HelmError, mergeValues } from '../helm/chart-source.js';
import { flagBool, flagList, flagValue, type FlagSpec, type ParsedFlags } from '../helm/flags.js';
import { goYaml } from '../helm/go-yaml.js';
import { checkNameAvailable, upgradeRelease, type ValuesMode } from '../helm/upgrade.js';
import { currentContext, loadKubeconfig } from '../kubectl/cli/kubeconfig.js';
import type { Process } from '../process.js';
import { cliError, cliFatal, type CliScope } from './cli-scope.js';

/** addCommonInstallFlags and addCommonHelmFlags (the ones the lab acts on), then install's and upgrade's own. */
export const INSTALL_FLAGS: readonly FlagSpec[] = [
  { name: 'version', kind: 'string' },
  { name: 'datapath-mode', kind: 'string' },
  { name: 'values', short: 'f', kind: 'strings' },
  { name: 'set', kind: 'strings' },
  { name: 'set-string', kind: 'strings' },
  { name: 'wait', kind: 'bool' },
  { name: 'wait-duration', kind: 'string' },
  { name: 'dry-run', kind: 'bool' },
  { name: 'dry-run-helm-values', kind: 'bool' },
];
export const UPGRADE_FLAGS: readonly FlagSpec[] = [...INSTALL_FLAGS, { name: 'reset-then-reuse-values', kind: 'bool' }, { name: 'reset-values', kind: 'bool' }, { name: 'reuse-values', kind: 'bool' }];

/** An error RunE returns (main prints it bare) rather than one fatalf reports. */
class Returned extends Error {}
/** A lab limit: printed as is. */
class NotModelled extends Error {}

/** semver.ParseTolerant's checks on --version (a leading v, missing minor/patch padded with 0). */
function parseVersion(text: string): string {
  const parts = text.trim().replace(/^v/, '').split('.');
  while (parts.length < 3) parts.push('0');
  const [major = '', minor = '', patch = ''] = [parts[0], parts[1], parts.slice(2).join('.')];
  if (!/^\d+$/.test(major)) throw new Returned(`Invalid character(s) found in major number ${JSON.stringify(major)}`);
  if (!/^\d+$/.test(minor)) throw new Returned(`Invalid character(s) found in minor number ${JSON.stringify(minor)}`);
  if (!/^\d+(?:[-+].*)?$/.test(patch)) throw new Returned(`Invalid character(s) found in patch number ${JSON.stringify(patch)}`);
  return `${Number(major)}.${Number(minor)}.${patch.replace(/^\d+/, (d) => String(Number(d)))}`;
}

/** --wait-duration (pflag DurationVar, time.ParseDuration), default defaults.StatusWaitDuration: 5m. */
function waitUs(f: ParsedFlags): number {
  const text = flagValue(f, 'wait-duration') ?? '5m';
  const units: Readonly<Record<string, number>> = { h: 3.6e9, m: 6e7, s: 1e6, ms: 1e3, us: 1, µs: 1 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs)/g)];
  if (parts.length === 0 || parts.map((m) => m[0]).join('') !== text) throw new Returned(`invalid argument ${JSON.stringify(text)} for "--wait-duration" flag: time: invalid duration ${JSON.stringify(text)}`);
  return parts.reduce((t, m) => t + Number(m[1]) * (units[m[2] ?? ''] ?? 0), 0);
}

/** Helm's --wait: the release's DaemonSets and Deployments updated and ready. */
function workloadsReady(p: Process, scope: CliScope): boolean {
  const owned = (o: { metadata: { annotations?: Record<string, string> } }) => o.metadata.annotations?.['meta.helm.sh/release-name'] === scope.release;
  const api = p.lab.k8s.api;
  const num = (o: unknown, k: string) => ((o as { status?: Record<string, number> }).status?.[k] ?? 0);
  const ds = api.list('DaemonSet', { namespace: scope.namespace }).filter(owned).every((d) => num(d, 'numberReady') === num(d, 'desiredNumberScheduled') && num(d, 'updatedNumberScheduled') === num(d, 'desiredNumberScheduled'));
  return ds && api.list('Deployment', { namespace: scope.namespace }).filter(owned).every((d) => num(d, 'readyReplicas') >= (d.spec?.replicas ?? 1));
}

/** preinstall: autodetect (k8s.Client AutodetectFlavor from the kubeconfig), cluster name, datapath, kube-proxy. */
function preinstall(p: Process, f: ParsedFlags, version: string, log: (line: string) => void): string[] {
  const userVals = mergeValues(p, flagList(f, 'values'), flagList(f, 'set'), flagList(f, 'set-string'));
  const cfg = loadKubeconfig(p);
  const ctx = cfg ? currentContext(cfg, '') : undefined;
  const clusterName = ctx?.context.cluster ?? '';
  const kind = /^kind-/.test(clusterName) || /^kind-/.test(ctx?.name ?? '') ? 'kind' : clusterName === 'minikube' ? 'minikube' : undefined;
  if (kind) log(`🔮 Auto-detected Kubernetes kind: ${kind}`);
  log(`ℹ️  Using Cilium version ${version}`);
  const named = (userVals['cluster'] as { name?: unknown } | undefined)?.name;
  if (typeof named === 'string' && named !== '') log(`ℹ️  Using cluster name ${JSON.stringify(named)}`);
  else if (clusterName !== '') log(`🔮 Auto-detected cluster name: ${clusterName.replace(/[_.:]/g, '-')}`);
  const mode = flagValue(f, 'datapath-mode');
  if (mode) log(`ℹ️  Custom datapath mode: ${mode}`);
  if (p.lab.k8s.api.list('DaemonSet', { namespace: 'kube-system' }).some((d) => (d.metadata.name ?? '').includes('kube-proxy'))) {
    log('🔮 Auto-detected kube-proxy has been installed');
    return [];
  }
  const server = /^https?:\/\/(.*):(\d+)$/.exec(cfg?.clusters.find((c) => c.name === clusterName)?.cluster.server ?? '');
  if (!server) return [];
  log('🔮 Auto-detected kube-proxy has not been installed');
  log('ℹ️  Cilium will fully replace all functionalities of kube-proxy');
  const sets: [string, string][] = [['kubeProxyReplacement', 'true'], ['k8sServiceHost', server[1] ?? ''], ['k8sServicePort', server[2] ?? '']];
  return sets.filter(([k]) => !(k in userVals)).map(([k, v]) => `${k}=${v}`);
}

function valuesMode(f: ParsedFlags): ValuesMode {
  if (flagBool(f, 'reset-values')) return 'reset';
  if (flagBool(f, 'reuse-values')) return 'reuse';
  return flagValue(f, 'reset-then-reuse-values') === 'false' ? 'default' : 'reset-then-reuse';
}

/** InstallWithHelm / UpgradeWithHelm after NewK8sInstaller resolved the chart; logs are discarded on a dry run. */
async function helmMode(p: Process, scope: CliScope, f: ParsedFlags, what: 'install' | 'upgrade'): Promise<void> {
  const version = parseVersion(flagValue(f, 'version') ?? `v${CHART_VERSION}`);
  const timeoutUs = waitUs(f);
  if (version !== CHART_VERSION) throw new NotModelled(`ciliumlab: only the cilium ${CHART_VERSION} chart is modelled, not ${version}`);
  if (flagBool(f, 'dry-run')) throw new NotModelled('ciliumlab: --dry-run prints the whole rendered chart, which is not modelled (--dry-run-helm-values is)');
  const dryRun = flagBool(f, 'dry-run-helm-values');
  const extraSets = preinstall(p, f, version, (line) => dryRun || p.out(`${line}\n`));
  if (what === 'install') {
    if (!dryRun) checkNameAvailable(p.lab, scope.namespace, scope.release);
    throw new NotModelled(`ciliumlab: installing cilium into a cluster without it is not modelled`);
  }
  const vals = mergeValues(p, flagList(f, 'values'), [...flagList(f, 'set'), ...extraSets], flagList(f, 'set-string'));
  const rel = upgradeRelease(p.lab, { namespace: scope.namespace, name: scope.release, vals, mode: valuesMode(f), dryRun });
  if (dryRun) p.out(`${goYaml(rel.config)}\n`);
  if (flagBool(f, 'wait') && !(await p.until(() => workloadsReady(p, scope), timeoutUs))) throw new HelmError('context deadline exceeded');
}

async function run(p: Process, scope: CliScope, f: ParsedFlags, what: 'install' | 'upgrade'): Promise<number> {
  try {
    await helmMode(p, scope, f, what);
    return 0;
  } catch (e) {
    if (e instanceof Returned || e instanceof NotModelled) return cliError(p, e.message);
    if (e instanceof HelmError) return cliFatal(p, `Unable to ${what} Cilium: ${e.message}`);
    throw e;
  }
}

export const cliInstall = (p: Process, scope: CliScope, f: ParsedFlags) => run(p, scope, f, 'install');
export const cliUpgrade = (p: Process, scope: CliScope, f: ParsedFlags) => run(p, scope, f, 'upgrade');
