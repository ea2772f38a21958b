// Layer tools (cilium): pkg/command/output.go, the `-o json|yaml|jsonpath=...` option of cilium-dbg's
// commands. json is encoding/json MarshalIndent(data, "", "  ") (HTML-escaping <, > and &), printed with
// fmt.Println by DumpJSONToString and once more by dumpJSON, so the document ends in an empty line.
// yaml and jsonpath are not modelled; any other value has no printer.

import type { Process } from '../process.js';
import { notModelled } from './cobra.js';

/** encoding/json's MarshalIndent of a value already shaped as Go would marshal it. */
export function goJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type PrintOutcome = { readonly ok: true; readonly exitCode: number } | { readonly ok: false; readonly error: string };

/** PrintOutputWithType for `-o <output>`: the JSON printed, a not-modelled exit, or the printer error. */
export function printOutput(p: Process, value: unknown, output: string): PrintOutcome {
  if (output === 'json') {
    p.out(`${goJson(value)}\n\n`);
    return { ok: true, exitCode: 0 };
  }
  if (output === 'yaml' || output.startsWith('jsonpath=')) return { ok: true, exitCode: notModelled(p, `-o ${output}`) };
  return { ok: false, error: "couldn't find output printer" };
}

/** command.OutputOptionString(): the format named in a printer error. */
export function outputOptionString(output: string): string {
  if (output === 'yaml') return 'YAML';
  return output === 'json' || output.startsWith('jsonpath=') ? 'JSON' : 'unknown';
}
