// Layer tools (kubectl): cmdutil.AddSourceToErr — an apiserver error keeps its reason and details, with
// `error when creating "STDIN": ` before its message; other errors get the same prefix as plain text.

import { K8sError } from '../../../k8s/index.js';
import { KubectlError } from '../cli/errors.js';

/** @example addSourceToErr('creating', 'STDIN', err) */
export function addSourceToErr(verb: string, source: string, err: unknown): unknown {
  if (source === '') return err;
  if (err instanceof K8sError) return new K8sError(err.code, `error when ${verb} ${JSON.stringify(source)}: ${err.message}`, err.details);
  return new KubectlError(`error when ${verb} ${JSON.stringify(source)}: ${err instanceof Error ? err.message : String(err)}`);
}
