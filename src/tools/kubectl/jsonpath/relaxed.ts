// Layer tools (kubectl): RelaxedJSONPathExpression (kubectl/pkg/cmd/get/customcolumn.go), the field form
// custom-columns and --sort-by accept: "a.b", ".a.b", "{a.b}" and "{.a.b}" all mean "{.a.b}".

import { KubectlError } from '../cli/errors.js';

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** @example relaxedJsonPath('metadata.name') === '{.metadata.name}' */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = JSON_REGEXP.exec(expr);
  if (!m) throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2] || ''}}`;
}
