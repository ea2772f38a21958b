// Layer cilium (chart): the cilium 1.18.0 Helm chart as the emulator renders it: defaults, value merges,
// the values schema, the cilium-config ConfigMap, NOTES.txt and the release Secrets Helm stores.

export { APP_VERSION, CHART_DEFAULTS, CHART_NAME, CHART_VERSION } from './chart-defaults.js';
export { renderCiliumConfigMap, type ConfigMapData, type RenderOptions } from './cilium-configmap.js';
export { cloneValues, coalesceTables, coalesceValues, hasKey, isTable, valueAt, type HelmValue, type HelmValues } from './helm-values.js';
export { ciliumRelease, decodeReleaseSecret, releaseSecret, releaseSecretName, RELEASE_SECRET_TYPE, type HelmRelease, type ReleaseStatus } from './helm-release.js';
export { renderNotes } from './notes.js';
export { TemplateFail } from './template-context.js';
export { schemaErrors } from './values-schema.js';
