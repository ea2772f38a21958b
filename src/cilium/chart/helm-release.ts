// Layer cilium (chart): a Helm 3 release of the cilium chart as Helm's Secret storage driver keeps it
// (pkg/storage/driver/secrets.go): Secret `sh.helm.release.v1.<name>.v<revision>` of type
// helm.sh/release.v1 with labels name/owner/status/version, whose `release` key holds base64 of the
// release JSON (Helm gzips it first; decodeRelease reads both, and gzip needs no node:zlib here).

import { APP_VERSION, CHART_NAME, CHART_VERSION } from './chart-defaults.js';
import type { HelmValues } from './helm-values.js';

export type ReleaseStatus = 'deployed' | 'superseded' | 'failed' | 'uninstalled' | 'pending-install' | 'pending-upgrade';

export interface HelmRelease {
  readonly name: string;
  readonly namespace: string;
  readonly version: number;
  readonly status: ReleaseStatus;
  /** Wall-clock ms. */
  readonly firstDeployedMs: number;
  readonly lastDeployedMs: number;
  readonly description: string;
  readonly notes: string;
  readonly chartName: string;
  readonly chartVersion: string;
  readonly appVersion: string;
  /** The user-supplied values (`helm get values`). */
  readonly config: HelmValues;
}

export const RELEASE_SECRET_TYPE = 'helm.sh/release.v1';

export function releaseSecretName(name: string, version: number): string {
  return `sh.helm.release.v1.${name}.v${version}`;
}

/** A cilium chart release (chart metadata of 1.18.0). */
export function ciliumRelease(r: Omit<HelmRelease, 'chartName' | 'chartVersion' | 'appVersion'>): HelmRelease {
  return { ...r, chartName: CHART_NAME, chartVersion: CHART_VERSION, appVersion: APP_VERSION };
}

/** base64 of the UTF-8 bytes of `text` (ASCII text is its own UTF-8). */
function base64(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return btoa(text);
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 8192) bin += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(bin);
}

function unbase64(text: string): string {
  const bin = atob(text);
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** Go's time.Time JSON (RFC 3339 with nanoseconds, in UTC here). */
function goTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

function releaseJson(r: HelmRelease): string {
  return JSON.stringify({
    name: r.name,
    info: {
      first_deployed: goTime(r.firstDeployedMs),
      last_deployed: goTime(r.lastDeployedMs),
      deleted: '0001-01-01T00:00:00Z',
      description: r.description,
      status: r.status,
      notes: r.notes,
    },
    chart: { metadata: { name: r.chartName, version: r.chartVersion, appVersion: r.appVersion, apiVersion: 'v2' } },
    config: r.config,
    version: r.version,
    namespace: r.namespace,
  });
}

/**
 * The Secret object of a release (its `data` base64-encoded as the API stores it).
 * @example releaseSecret(rel).metadata.name // 'sh.helm.release.v1.cilium.v1'
 */
export function releaseSecret(r: HelmRelease): { apiVersion: 'v1'; kind: 'Secret'; type: string; metadata: { name: string; namespace: string; labels: Record<string, string> }; data: { release: string } } {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: RELEASE_SECRET_TYPE,
    metadata: {
      name: releaseSecretName(r.name, r.version),
      namespace: r.namespace,
      labels: { name: r.name, owner: 'helm', status: r.status, version: String(r.version) },
    },
    data: { release: base64(base64(releaseJson(r))) },
  };
}

/** Reads a release back from its Secret's `data.release`. */
export function decodeReleaseSecret(data: string): HelmRelease | undefined {
  try {
    const o = JSON.parse(unbase64(unbase64(data))) as {
      name: string;
      namespace: string;
      version: number;
      config?: HelmValues;
      info: { first_deployed: string; last_deployed: string; description?: string; status: ReleaseStatus; notes?: string };
      chart: { metadata: { name: string; version: string; appVersion?: string } };
    };
    return {
      name: o.name,
      namespace: o.namespace,
      version: o.version,
      status: o.info.status,
      firstDeployedMs: Date.parse(o.info.first_deployed),
      lastDeployedMs: Date.parse(o.info.last_deployed),
      description: o.info.description ?? '',
      notes: o.info.notes ?? '',
      chartName: o.chart.metadata.name,
      chartVersion: o.chart.metadata.version,
      appVersion: o.chart.metadata.appVersion ?? '',
      config: o.config ?? {},
    };
  } catch {
    return undefined;
  }
}
