// Layer tools (helm): `helm upgrade [--install]` and `helm install` of the cilium chart (cmd/helm/upgrade.go,
// pkg/action/upgrade.go): values merged and reused as Helm does, checked against the chart's schema,
// rendered (template `fail`s surface as errors), then a new revision is stored and the release's values
// and cilium-config ConfigMap are written. Agents keep running: they read the ConfigMap when restarted.

import {
  CHART_DEFAULTS,
  ciliumRelease,
  coalesceTables,
  coalesceValues,
  renderCiliumConfigMap,
  renderNotes,
  schemaErrors,
  TemplateFail,
  type HelmRelease,
  type HelmValues,
} from '../../cilium/chart/index.js';
import type { Lab } from '../../lab/index.js';
import type { Process } from '../process.js';
import { HelmError, locateChart, mergeValues } from './chart-source.js';
import { flagBool, flagList, flagValue, type ParsedFlags } from './flags.js';
import { ansic } from './go-time.js';
import { CILIUM_NAMESPACE, CILIUM_RELEASE, lastRelease, storeRevision } from './release-store.js';

export const INSTALL_FLAGS = [
  { name: 'set', kind: 'strings' },
  { name: 'set-string', kind: 'strings' },
  { name: 'values', short: 'f', kind: 'strings' },
  { name: 'version', kind: 'string' },
  { name: 'reuse-values', kind: 'bool' },
  { name: 'reset-values', kind: 'bool' },
  { name: 'reset-then-reuse-values', kind: 'bool' },
  { name: 'install', short: 'i', kind: 'bool' },
  { name: 'create-namespace', kind: 'bool' },
  { name: 'wait', kind: 'bool' },
  { name: 'atomic', kind: 'bool' },
  { name: 'timeout', kind: 'string' },
  { name: 'description', kind: 'string' },
  { name: 'hide-notes', kind: 'bool' },
  { name: 'output', short: 'o', kind: 'string' },
] as const;

/** The status block install/upgrade/status print (cmd/helm/status.go statusPrinter.WriteTable). */
export function statusText(lab: Lab, rel: HelmRelease, opts: { hideNotes?: boolean } = {}): string {
  const lines = [`NAME: ${rel.name}`, `LAST DEPLOYED: ${ansic(rel.lastDeployedMs, lab.spec.clock.timezone)}`, `NAMESPACE: ${rel.namespace}`, `STATUS: ${rel.status}`, `REVISION: ${rel.version}`, 'TEST SUITE: None'];
  const notes = rel.notes.trim();
  if (!opts.hideNotes && notes.length > 0) lines.push('NOTES:', notes);
  return `${lines.join('\n')}\n`;
}

/** Renders the chart for `config` to check it (schema, template `fail`s), with Helm's error text. */
function render(lab: Lab, config: HelmValues): { coalesced: HelmValues } {
  const coalesced = coalesceValues(CHART_DEFAULTS, config);
  const errs = schemaErrors(coalesced);
  if (errs.length > 0) throw new HelmError(`values don't meet the specifications of the schema(s) in the following chart(s):\ncilium:\n${errs.join('\n')}\n`);
  try {
    renderCiliumConfigMap(config, { kubeVersion: lab.spec.kubernetes.version });
    return { coalesced };
  } catch (e) {
    if (e instanceof TemplateFail) throw new HelmError(e.message);
    throw e;
  }
}

/** Makes `config` the running release's values: Helm's apply of the rendered ConfigMap. */
function deploy(lab: Lab, config: HelmValues): void {
  lab.setCiliumValues(config);
}

/** pkg/action/upgrade.go reuseValues. */
function reuseValues(f: ParsedFlags, current: HelmRelease, vals: HelmValues): HelmValues {
  if (flagBool(f, 'reset-values')) return vals;
  if (flagBool(f, 'reuse-values') || flagBool(f, 'reset-then-reuse-values')) return coalesceTables(vals, current.config);
  if (Object.keys(vals).length === 0 && Object.keys(current.config).length > 0) return current.config;
  return vals;
}

export function runUpgrade(p: Process, f: ParsedFlags, namespace: string, name: string, chart: string): number {
  const lab = p.lab;
  const current = lastRelease(lab, namespace, name);
  if (!current && flagBool(f, 'install')) {
    p.out(`Release "${name}" does not exist. Installing it now.\n`);
    return runInstall(p, f, namespace, name, chart);
  }
  locateChart(lab, chart, flagValue(f, 'version'));
  const vals = mergeValues(p, flagList(f, 'values'), flagList(f, 'set'), flagList(f, 'set-string'));
  if (!current) throw new HelmError(`UPGRADE FAILED: "${name}" has no deployed releases`);
  const config = reuseValues(f, current, vals);
  let rendered: ReturnType<typeof render>;
  try {
    rendered = render(lab, config);
  } catch (e) {
    if (e instanceof HelmError) throw new HelmError(`UPGRADE FAILED: ${e.message}`);
    throw e;
  }
  const rel = ciliumRelease({
    name,
    namespace,
    version: current.version + 1,
    status: 'deployed',
    firstDeployedMs: current.firstDeployedMs,
    lastDeployedMs: lab.wallMs,
    description: flagValue(f, 'description') ?? 'Upgrade complete',
    notes: renderNotes(rendered.coalesced),
    config,
  });
  storeRevision(lab, rel);
  deploy(lab, config);
  p.out(`Release "${name}" has been upgraded. Happy Helming!\n${statusText(lab, rel, { hideNotes: flagBool(f, 'hide-notes') })}`);
  return 0;
}

export function runInstall(p: Process, f: ParsedFlags, namespace: string, name: string, chart: string): number {
  const lab = p.lab;
  const existing = lastRelease(lab, namespace, name);
  if (existing && existing.status !== 'uninstalled') throw new HelmError('INSTALLATION FAILED: cannot re-use a name that is still in use');
  locateChart(lab, chart, flagValue(f, 'version'));
  const config = mergeValues(p, flagList(f, 'values'), flagList(f, 'set'), flagList(f, 'set-string'));
  let rendered: ReturnType<typeof render>;
  try {
    rendered = render(lab, config);
  } catch (e) {
    if (e instanceof HelmError) throw new HelmError(`INSTALLATION FAILED: ${e.message}`);
    throw e;
  }
  const rel = ciliumRelease({
    name,
    namespace,
    version: 1,
    status: 'deployed',
    firstDeployedMs: lab.wallMs,
    lastDeployedMs: lab.wallMs,
    description: flagValue(f, 'description') ?? 'Install complete',
    notes: renderNotes(rendered.coalesced),
    config,
  });
  storeRevision(lab, rel);
  if (namespace === CILIUM_NAMESPACE && name === CILIUM_RELEASE) deploy(lab, config);
  p.out(statusText(lab, rel, { hideNotes: flagBool(f, 'hide-notes') }));
  return 0;
}
