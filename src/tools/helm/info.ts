// Layer tools (helm): the read-only release commands: `get values [--all] [-o yaml|json]`, `list|ls [-A]
// [-n NS] [-a] [-q]`, `status`, `history|hist` (cmd/helm/get_values.go, list.go, status.go, history.go),
// from the release Secrets on the lab's API server.

import { CHART_DEFAULTS, coalesceValues, type HelmRelease } from '../../cilium/chart/index.js';
import { isDns1123Subdomain } from '../../k8s/index.js';
import type { Process } from '../process.js';
import { HelmError } from './chart-source.js';
import { flagBool, flagValue, type ParsedFlags } from './flags.js';
import { goYaml } from './go-yaml.js';
import { ansic, goTimeString, uitable } from './go-time.js';
import { lastRelease, listReleases } from './release-store.js';
import { statusText } from './upgrade.js';

function output(f: ParsedFlags): 'table' | 'json' | 'yaml' {
  const o = flagValue(f, 'output') ?? 'table';
  if (o === 'table' || o === 'json' || o === 'yaml') return o;
  throw new HelmError(`invalid argument "${o}" for "-o, --output" flag: invalid format type`);
}

/** chartutil.ValidateReleaseName: a DNS-1123 subdomain of at most 53 characters. */
function isValidReleaseName(name: string): boolean {
  return name.length <= 53 && isDns1123Subdomain(name).length === 0;
}

/** Configuration.releaseContent (status, get values). */
function found(p: Process, namespace: string, name: string): HelmRelease {
  if (!isValidReleaseName(name)) throw new HelmError(`releaseContent: Release name is invalid: ${name}`);
  const rel = lastRelease(p.lab, namespace, name);
  if (!rel) throw new HelmError('release: not found');
  return rel;
}

export function getValues(p: Process, f: ParsedFlags, namespace: string, name: string): number {
  const fmt = output(f);
  const rel = found(p, namespace, name);
  const all = flagBool(f, 'all');
  const vals = all ? coalesceValues(CHART_DEFAULTS, rel.config) : rel.config;
  if (fmt === 'json') p.out(`${JSON.stringify(vals)}\n`);
  else if (fmt === 'yaml') p.out(goYaml(vals));
  else p.out(`${all ? 'COMPUTED VALUES:' : 'USER-SUPPLIED VALUES:'}\n${goYaml(vals)}`);
  return 0;
}

export function status(p: Process, f: ParsedFlags, namespace: string, name: string): number {
  output(f);
  p.out(statusText(p.lab, found(p, namespace, name)));
  return 0;
}

export function list(p: Process, f: ParsedFlags, namespace: string | undefined): number {
  const fmt = output(f);
  const tz = p.lab.spec.clock.timezone;
  const byName = new Map<string, HelmRelease>();
  for (const r of listReleases(p.lab, namespace)) byName.set(`${r.namespace}/${r.name}`, r);
  const showAll = flagBool(f, 'all');
  const rels = [...byName.values()].filter((r) => showAll || r.status === 'deployed').sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (flagBool(f, 'short')) {
    p.out(rels.map((r) => `${r.name}\n`).join(''));
    return 0;
  }
  const rows = rels.map((r) => ({
    name: r.name,
    namespace: r.namespace,
    revision: String(r.version),
    updated: goTimeString(r.lastDeployedMs * 1000, tz),
    status: r.status,
    chart: `${r.chartName}-${r.chartVersion}`,
    app_version: r.appVersion,
  }));
  if (fmt === 'json') p.out(`${JSON.stringify(rows)}\n`);
  else if (fmt === 'yaml') p.out(goYaml(rows));
  else {
    const header = flagBool(f, 'no-headers') ? [] : [['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION']];
    p.out(`${uitable([...header, ...rows.map((r) => [r.name, r.namespace, r.revision, r.updated, r.status, r.chart, r.app_version])])}\n`);
  }
  return 0;
}

export function history(p: Process, f: ParsedFlags, namespace: string, name: string): number {
  const fmt = output(f);
  if (!isValidReleaseName(name)) throw new HelmError(`release name is invalid: ${name}`);
  const revs = listReleases(p.lab, namespace, name);
  if (revs.length === 0) throw new HelmError('release: not found');
  const tz = p.lab.spec.clock.timezone;
  const max = Number(flagValue(f, 'max') ?? '256');
  const shown = revs.slice(-max);
  if (fmt !== 'table') {
    const rows = shown.map((r) => ({ revision: r.version, updated: new Date(r.lastDeployedMs).toISOString(), status: r.status, chart: `${r.chartName}-${r.chartVersion}`, app_version: r.appVersion, description: r.description }));
    p.out(fmt === 'json' ? `${JSON.stringify(rows)}\n` : goYaml(rows));
    return 0;
  }
  const rows = shown.map((r) => [String(r.version), ansic(r.lastDeployedMs, tz), r.status, `${r.chartName}-${r.chartVersion}`, r.appVersion, r.description]);
  p.out(`${uitable([['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'], ...rows])}\n`);
  return 0;
}
