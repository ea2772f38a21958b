// Layer tools (kubectl): flag sets many commands share — kubectl's global (persistent) flags from
// genericclioptions.ConfigFlags, the printing flags (PrintFlags / HumanPrintFlags), the file flags
// (FilenameOptions) and the selector flag.

import type { FlagDef } from './flag-set.js';

const s = (name: string, short?: string, def?: string): FlagDef => ({ name, kind: 'string', ...(short ? { short } : {}), ...(def !== undefined ? { def } : {}) });
const b = (name: string, short?: string, def = 'false'): FlagDef => ({ name, kind: 'bool', def, ...(short ? { short } : {}) });

export const GLOBAL_FLAGS: readonly FlagDef[] = [
  s('as'), { name: 'as-group', kind: 'stringArray' }, s('as-uid'), s('cache-dir', undefined, '/root/.kube/cache'), s('certificate-authority'),
  s('client-certificate'), s('client-key'), s('cluster'), s('context'), b('disable-compression'), b('insecure-skip-tls-verify'), s('kubeconfig'),
  b('match-server-version'), s('namespace', 'n'), s('password'), s('profile', undefined, 'none'), s('profile-output', undefined, 'profile.pprof'),
  s('request-timeout', undefined, '0'), s('server', 's'), s('tls-server-name'), s('token'), s('user'), s('username'),
  { name: 'v', short: 'v', kind: 'int', def: '0' }, s('vmodule'), b('warnings-as-errors'), { name: 'log-flush-frequency', kind: 'duration', def: '5s' },
];

/** PrintFlags of most commands (-o json|yaml|name|go-template|jsonpath...). */
export const PRINT_FLAGS: readonly FlagDef[] = [
  s('output', 'o'), s('template'), b('allow-missing-template-keys', undefined, 'true'), b('show-managed-fields'),
];

/** get's extra human-readable flags. */
export const HUMAN_FLAGS: readonly FlagDef[] = [
  b('no-headers'), b('show-labels'), s('sort-by'), { name: 'label-columns', short: 'L', kind: 'stringSlice' }, b('show-kind'),
];

export const FILENAME_FLAGS: readonly FlagDef[] = [
  { name: 'filename', short: 'f', kind: 'stringSlice' }, s('kustomize', 'k'), b('recursive', 'R'),
];

export const SELECTOR_FLAG: FlagDef = s('selector', 'l');

export const DRY_RUN_FLAG: FlagDef = { name: 'dry-run', kind: 'string', def: 'none', noOptDefVal: 'unchanged' };

export const FIELD_MANAGER_FLAG = (def: string): FlagDef => s('field-manager', undefined, def);
