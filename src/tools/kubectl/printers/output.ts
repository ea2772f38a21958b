// Layer tools (kubectl): -o/--output for objects (cli-runtime's printers via get's PrintFlags): json, yaml,
// name, jsonpath=, jsonpath-as-json=, custom-columns=; "" and "wide" are the human-readable tables. The
// format is checked before anything is fetched, with cli-runtime's error texts.

import type { KubeObject } from '../../../k8s/index.js';
import { KubectlError } from '../cli/errors.js';
import { JsonPath, JsonPathError } from '../jsonpath/evaluate.js';
import { JsonPathParseError } from '../jsonpath/parser.js';
import { relaxedJsonPath } from '../jsonpath/relaxed.js';
import { goJsonIndent } from '../text/go-json.js';
import { goSharpV, goSprint } from '../text/go-fmt.js';
import { goYaml } from '../text/go-yaml.js';
import { escapeTerminal } from './table.js';

export const ALLOWED_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
] as const;

export type ObjectPrinter = (obj: KubeObject) => string;

export interface OutputFormat {
  /** undefined: a human-readable table. */
  readonly printer: ObjectPrinter | undefined;
  readonly wide: boolean;
}

/** Resolves -o (and --allow-missing-template-keys). @example outputFormat('jsonpath={.metadata.name}', false, true).printer?.(pod) */
export function outputFormat(format: string, noHeaders: boolean, allowMissingKeys: boolean): OutputFormat {
  if (format === '' || format === 'wide') return { printer: undefined, wide: format === 'wide' };
  if (format === 'json') return { printer: (o) => `${goJsonIndent(o)}\n`, wide: false };
  if (format === 'yaml') return { printer: (o) => goYaml(o), wide: false };
  if (format === 'name') return { printer: namePrinter(''), wide: false };
  for (const kind of ['jsonpath-as-json', 'jsonpath'] as const) {
    if (format === kind || format.startsWith(`${kind}=`)) return { printer: jsonPathPrinter(format.slice(kind.length + 1), kind === 'jsonpath-as-json', allowMissingKeys), wide: false };
  }
  if (format === 'custom-columns' || format.startsWith('custom-columns=')) return { printer: customColumnsPrinter(format.slice('custom-columns='.length), noHeaders), wide: false };
  throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(format)}, allowed formats are: ${ALLOWED_FORMATS.join(',')}`);
}

/** NamePrinter: "kind.group/name" plus an operation ("created"). Lists print every item. */
export function namePrinter(operation: string): ObjectPrinter {
  const one = (o: KubeObject): string => {
    const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
    const kind = o.kind.toLowerCase();
    return `${group ? `${kind}.${group}` : kind}/${o.metadata.name || '<unknown>'}${operation ? ` ${operation}` : ''}\n`;
  };
  return (o) => (isList(o) ? (o as unknown as { items: KubeObject[] }).items.map(one).join('') : one(o));
}

function isList(o: KubeObject): boolean {
  return Array.isArray((o as unknown as { items?: unknown }).items);
}

function jsonPathPrinter(template: string, asJson: boolean, allowMissingKeys: boolean): ObjectPrinter {
  if (template === '') throw new KubectlError('template format specified but no template given');
  try {
    new JsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new KubectlError(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
  return (obj) => {
    const jp = new JsonPath(template);
    jp.allowMissingKeys = allowMissingKeys;
    jp.outputJson = asJson;
    try {
      return jp.execute(obj);
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      const detail = `Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`;
      throw new KubectlError(`error executing jsonpath ${JSON.stringify(template)}: ${detail}\n`);
    }
  };
}

interface ColumnSpec {
  readonly header: string;
  readonly path: string;
}

function customColumnsPrinter(spec: string, noHeaders: boolean): ObjectPrinter {
  if (spec === '') throw new KubectlError('custom-columns format specified but no custom columns given');
  const columns: ColumnSpec[] = spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), path: relaxedJsonPath(part.slice(i + 1)) };
  });
  for (const c of columns) new JsonPath(c.path);
  return (obj) => {
    const items = isList(obj) ? (obj as unknown as { items: KubeObject[] }).items : [obj];
    const header = noHeaders ? '' : `${columns.map((c) => c.header).join('\t')}\n`;
    return header + items.map((item) => `${columns.map((c) => columnValue(c, item)).join('\t')}\n`).join('');
  };
}

function columnValue(c: ColumnSpec, obj: KubeObject): string {
  const jp = new JsonPath(c.path);
  jp.allowMissingKeys = true;
  const values = jp.findResults(obj);
  const strings = (values.length === 0 || (values[0] ?? []).length === 0) ? ['<none>'] : [];
  for (const group of values) for (const v of group) strings.push(escapeTerminal(goSprint(v)));
  return strings.join(',');
}
