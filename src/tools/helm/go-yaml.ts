// Layer tools (helm): YAML as Helm prints values (pkg/cli/output EncodeYAML -> sigs.k8s.io/yaml -> go-yaml
// v2): map keys sorted, two-space indentation, list items at their key's indentation, strings plain
// unless YAML 1.1 would read them as something else (then "double-quoted") or the emitter forbids a plain
// scalar there (then 'single-quoted'), {} and [] for empty tables and lists.

import { isTable, type HelmValue } from '../../cilium/chart/index.js';

/** YAML 1.1 scalars go-yaml's resolver turns into a bool, null, number or timestamp. */
const NON_STRING = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL)$/,
  /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)$/,
  /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]|$)/,
];

/** yaml_emitter_analyze_scalar: whether a plain scalar may stand in block context. */
function plainAllowed(s: string): boolean {
  if (/^\s|\s$/.test(s) || /[\n\t\u0000-\u001f]/.test(s)) return false;
  const first = s[0] ?? '';
  const followedBySpace = (i: number) => i + 1 >= s.length || s[i + 1] === ' ';
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false;
  if ((first === '?' || first === ':' || first === '-') && followedBySpace(0)) return false;
  for (let i = 1; i < s.length; i++) {
    if (s[i] === ':' && followedBySpace(i)) return false;
    if (s[i] === '#' && s[i - 1] === ' ') return false;
  }
  return true;
}

function doubleQuoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

function scalar(v: HelmValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  const s = String(v);
  if (s === '' || NON_STRING.some((re) => re.test(s))) return doubleQuoted(s);
  if (s.includes('\n')) return doubleQuoted(s);
  return plainAllowed(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

function isEmptyCollection(v: HelmValue): string | undefined {
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (isTable(v) && Object.keys(v).length === 0) return '{}';
  return undefined;
}

function lines(v: HelmValue, indent: string, out: string[]): void {
  if (isTable(v)) {
    for (const key of Object.keys(v).sort()) {
      const child = v[key] as HelmValue;
      const k = scalar(key);
      const empty = isEmptyCollection(child);
      if (empty !== undefined || (!Array.isArray(child) && !isTable(child))) out.push(`${indent}${k}: ${empty ?? scalar(child)}`);
      else {
        out.push(`${indent}${k}:`);
        lines(child, Array.isArray(child) ? indent : `${indent}  `, out);
      }
    }
    return;
  }
  if (Array.isArray(v)) {
    for (const item of v as readonly HelmValue[]) {
      const empty = isEmptyCollection(item);
      if (empty !== undefined || (!Array.isArray(item) && !isTable(item))) out.push(`${indent}- ${empty ?? scalar(item)}`);
      else {
        const sub: string[] = [];
        lines(item, `${indent}  `, sub);
        out.push(`${indent}- ${(sub[0] ?? '').slice(indent.length + 2)}`, ...sub.slice(1));
      }
    }
  }
}

/** The YAML text of a values tree, ending in a newline ("{}\n" for an empty one). */
export function goYaml(v: HelmValue): string {
  const empty = isEmptyCollection(v);
  if (empty !== undefined) return `${empty}\n`;
  if (!isTable(v) && !Array.isArray(v)) return `${scalar(v)}\n`;
  const out: string[] = [];
  lines(v, '', out);
  return `${out.join('\n')}\n`;
}
