// Layer tools (helm): where charts and values come from, offline. Repositories are the ones `helm repo
// add` recorded on this host (k8s-ctr.sh added `cilium`); the only chart any of them serves is the
// cilium chart of the lab's Cilium version. Values come from -f files, --set and --set-string, merged in
// helm's order (pkg/cli/values/options.go MergeValues) with its error texts.

import { CHART_NAME, CHART_VERSION, isTable, type HelmValue, type HelmValues } from '../../cilium/chart/index.js';
import type { Lab } from '../../lab/index.js';
import type { Process } from '../process.js';
import YAML from 'yaml';
import { parseInto, StrvalsError } from './strvals.js';

export interface RepoEntry {
  readonly name: string;
  readonly url: string;
}

const REPOS = new WeakMap<Lab, RepoEntry[]>();

/** The host's repositories.yaml: the repo k8s-ctr.sh added before installing Cilium. */
export function repositories(lab: Lab): RepoEntry[] {
  let r = REPOS.get(lab);
  if (!r) {
    r = [{ name: 'cilium', url: 'https://helm.cilium.io/' }];
    REPOS.set(lab, r);
  }
  return r;
}

export class HelmError extends Error {}

/** ChartPathOptions.LocateChart for "repo/chart" with an optional --version. */
export function locateChart(lab: Lab, ref: string, version: string | undefined): void {
  const slash = ref.indexOf('/');
  if (slash < 0) throw new HelmError(`repo ${ref} not found`);
  const repo = ref.slice(0, slash);
  const chart = ref.slice(slash + 1);
  if (!repositories(lab).some((e) => e.name === repo)) throw new HelmError(`repo ${repo} not found`);
  const want = (version ?? '').replace(/^v/, '');
  if (chart !== CHART_NAME) {
    throw new HelmError(`chart "${chart}"${want ? ` version "${want}"` : ''} not found in ${repo} index. (try 'helm repo update'): no chart name found`);
  }
  if (want !== '' && want !== CHART_VERSION && want !== lab.spec.cilium.version) {
    throw new HelmError(`chart "${chart}" matching ${want} not found in ${repo} index. (try 'helm repo update'): no chart version found for ${chart}-${want}`);
  }
}

type Table = { [key: string]: HelmValue };

/** mergeMaps: b over a, tables merged key by key. */
function mergeMaps(a: Table, b: HelmValues): Table {
  const out: Table = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = isTable(v) && isTable(cur) ? mergeMaps({ ...cur }, v) : v;
  }
  return out;
}

/** values.Options.MergeValues: -f files, then --set, then --set-string. */
export function mergeValues(p: Process, files: readonly string[], sets: readonly string[], setStrings: readonly string[]): Table {
  let base: Table = {};
  for (const f of files) {
    const text = f === '-' ? undefined : p.host.readFile(f);
    if (text === undefined) throw new HelmError(`open ${f}: no such file or directory`);
    let parsed: unknown;
    try {
      parsed = YAML.parse(text);
    } catch (e) {
      throw new HelmError(`failed to parse ${f}: error converting YAML to JSON: yaml: ${(e as Error).message.split('\n')[0]}`);
    }
    if (parsed !== null && parsed !== undefined && !isTable(parsed)) throw new HelmError(`failed to parse ${f}: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(parsed) ? 'array' : typeof parsed} into Go value of type map[string]interface {}`);
    base = mergeMaps(base, (parsed ?? {}) as HelmValues);
  }
  const apply = (list: readonly string[], flag: string, asString: boolean) => {
    for (const s of list) {
      try {
        parseInto(s, base, { asString });
      } catch (e) {
        if (e instanceof StrvalsError) throw new HelmError(`failed parsing ${flag} data: ${e.message}`);
        throw e;
      }
    }
  };
  apply(sets, '--set', false);
  apply(setStrings, '--set-string', true);
  return base;
}
