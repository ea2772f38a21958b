// Layer cilium (chart): templates/NOTES.txt of the cilium 1.18.0 chart (with warnings.txt), rendered for
// the coalesced values: what `helm install|upgrade|status` print under NOTES:, before Helm trims it.

import { CHART_VERSION } from './chart-defaults.js';
import { hasKey, valueAt, type HelmValues } from './helm-values.js';
import { truthy } from './template-context.js';

const EXPORT_WARNING = [
  "- We detected that one or more Hubble export options under 'hubble.export' are currently set",
  "  ('fileMaxSizeMb', 'fileMaxBackups', 'fileCompress'). Please note that these have moved to",
  "  their corresponding exporter type ('hubble.export.static', 'hubble.export.dynamic.config.content')",
  '  and will be removed in v1.19.',
].join('\n');

/** `{{ title .Chart.Name }}` of "cilium". */
const TITLE = 'Cilium';

function headline(values: HelmValues): string {
  const on = (p: string) => truthy(valueAt(values, p));
  if (on('preflight.enabled') && !on('agent') && !on('operator.enabled')) {
    return [
      '    You have successfully ran the preflight check.',
      '    Now make sure to check the number of READY pods is the same as the number of running cilium pods.',
      '    Then make sure the cilium preflight deployment is also marked READY 1/1.',
      '    If you have an issues please refer to the CNP Validation section in the upgrade guide.',
    ].join('\n');
  }
  if (on('hubble.enabled') && on('hubble.relay.enabled')) {
    return on('hubble.ui.enabled')
      ? `        You have successfully installed ${TITLE} with Hubble Relay and Hubble UI.`
      : `        You have successfully installed ${TITLE} with Hubble Relay.`;
  }
  if (on('hubble.enabled')) return `    You have successfully installed ${TITLE} with Hubble.`;
  if (on('hubble.ui.enabled') && on('hubble.ui.standalone.enabled')) return `    You have successfully installed ${TITLE} with standalone Hubble UI.`;
  return `    You have successfully installed ${TITLE}.`;
}

/** The rendered NOTES.txt for coalesced values. @example renderNotes(values).includes('Hubble Relay') */
export function renderNotes(values: HelmValues): string {
  const legacyExport = ['fileMaxSizeMb', 'fileMaxBackups', 'fileCompress'].some((k) => hasKey(values, 'hubble.export', k));
  const warnings = legacyExport ? `\n\nWARNINGS:\n${EXPORT_WARNING}` : '';
  const [major, minor] = CHART_VERSION.split('.');
  return `\n${headline(values)}${warnings}\n\nYour release version is ${CHART_VERSION}.\n\nFor any further help, visit https://docs.cilium.io/en/v${major}.${minor}/gettinghelp\n`;
}
