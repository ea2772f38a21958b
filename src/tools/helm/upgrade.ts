// Layer tools (helm): `helm upgrade [--install]` and `helm install` of the cilium chart (cmd/helm/upgrade.go,
// pkg/action/upgrade.go): values merged and reused as Helm does, checked against the chart's schema,
// rendered (template `fail`s surface as errors), then a new revision is stored and the release's objects
// and cilium-config are written. Agents keep running: they read the ConfigMap when restarted. cilium-cli's
// upgrade and hubble enable/disable call the same action (upgradeRelease).

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

/** Makes `config` the running release's values: Helm's apply of the rendered objects. */
function deploy(lab: Lab, rel: HelmRelease): void {
  if (rel.namespace === CILIUM_NAMESPACE && rel.name === CILIUM_RELEASE) lab.setCiliumValues(rel.config);
}

/** Which of Helm's upgrade flags decides the values: --reset-values, --reuse-values, --reset-then-reuse-values, none. */
export type ValuesMode = 'reset' | 'reuse' | 'reset-then-reuse' | 'default';

/** pkg/action/upgrade.go reuseValues. */
function reuseValues(mode: ValuesMode, current: HelmRelease, vals: HelmValues): HelmValues {
  if (mode === 'reset') return vals;
  if (mode === 'reuse' || mode === 'reset-then-reuse') return coalesceTables(vals, current.config);
  if (Object.keys(vals).length === 0 && Object.keys(current.config).length > 0) return current.config;
  return vals;
}

export interface UpgradeRequest {
  readonly namespace: string;
  readonly name: string;
  readonly vals: HelmValues;
  readonly mode: ValuesMode;
  readonly description?: string | undefined;
  /** Helm's DryRun: the release is computed, not stored or applied. */
  readonly dryRun?: boolean;
}

/** action.Upgrade.Run (what `helm upgrade` and cilium-cli both call): throws HelmError with the action's text. */
export function upgradeRelease(lab: Lab, req: UpgradeRequest): HelmRelease {
  const current = lastRelease(lab, req.namespace, req.name);
  if (!current) throw new HelmError(`"${req.name}" has no deployed releases`);
  const config = reuseValues(req.mode, current, req.vals);
  const rendered = render(lab, config);
  const rel = ciliumRelease({
    name: req.name,
    namespace: req.namespace,
    version: current.version + 1,
    status: 'deployed',
    firstDeployedMs: current.firstDeployedMs,
    lastDeployedMs: lab.wallMs,
    description: req.description ?? 'Upgrade complete',
    notes: renderNotes(rendered.coalesced),
    config,
  });
  if (req.dryRun) return rel;
  storeRevision(lab, rel);
  deploy(lab, rel);
  return rel;
}

function valuesMode(f: ParsedFlags): ValuesMode {
  if (flagBool(f, 'reset-values')) return 'reset';
  if (flagBool(f, 'reuse-values')) return 'reuse';
  return flagBool(f, 'reset-then-reuse-values') ? 'reset-then-reuse' : 'default';
}

export function runUpgrade(p: Process, f: ParsedFlags, namespace: string, name: string, chart: string): number {
  const lab = p.lab;
  if (!lastRelease(lab, namespace, name) && flagBool(f, 'install')) {
    p.out(`Release "${name}" does not exist. Installing it now.\n`);
    return runInstall(p, f, namespace, name, chart);
  }
  locateChart(lab, chart, flagValue(f, 'version'));
  const vals = mergeValues(p, flagList(f, 'values'), flagList(f, 'set'), flagList(f, 'set-string'));
  let rel: HelmRelease;
  try {
    rel = upgradeRelease(lab, { namespace, name, vals, mode: valuesMode(f), description: flagValue(f, 'description') });
  } catch (e) {
    if (e instanceof HelmError) throw new HelmError(`UPGRADE FAILED: ${e.message}`);
    throw e;
  }
  p.out(`Release "${name}" has been upgraded. Happy Helming!\n${statusText(lab, rel, { hideNotes: flagBool(f, 'hide-notes') })}`);
  return 0;
}

/** action.Install availableName: a release whose last revision is not uninstalled keeps its name. */
export function checkNameAvailable(lab: Lab, namespace: string, name: string): void {
  const existing = lastRelease(lab, namespace, name);
  if (existing && existing.status !== 'uninstalled') throw new HelmError('cannot re-use a name that is still in use');
}

export function runInstall(p: Process, f: ParsedFlags, namespace: string, name: string, chart: string): number {
  const lab = p.lab;
  try {
    checkNameAvailable(lab, namespace, name);
  } catch (e) {
    if (e instanceof HelmError) throw new HelmError(`INSTALLATION FAILED: ${e.message}`);
    throw e;
  }
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
  deploy(lab, rel);
  p.out(statusText(lab, rel, { hideNotes: flagBool(f, 'hide-notes') }));
  return 0;
}
