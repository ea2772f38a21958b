// Layer lab (lab file): words for zod's built-in issues ("expected an integer, got \"two\""), used as
// the per-parse error map; and the LabFileErrorCode of any issue. Checks that know better set their
// own message and a params.code, which win.

import type { z } from 'zod';
import { didYouMean } from './check-context.js';
import type { LabFileErrorCode } from './lab-file-error.js';
import { LAB_FILE_ERROR_CODES } from './lab-file-error.js';

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  map: 'a mapping (key: value)',
  array: 'a list',
  null: 'nothing',
};

/** How a YAML value reads in a message: strings quoted, maps and lists by kind. */
export function describeValue(v: unknown): string {
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && !Number.isInteger(v)) return `the number ${v}`;
  return String(v);
}

function bound(iss: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, lower: boolean): string {
  const n = String(lower ? iss.minimum : iss.maximum);
  return `${lower ? '>' : '<'}${iss.inclusive === false ? '' : '='} ${n}`;
}

/** z.int() reports expected "number"; its definition carries an integer format. */
function isIntegerSchema(iss: RawIssue): boolean {
  const def: unknown = iss.inst?._zod.def;
  return typeof def === 'object' && def !== null && 'format' in def && typeof def.format === 'string' && /int/.test(def.format);
}

/** Zod's per-parse error map: a message for every built-in issue. */
export function issueMessage(iss: RawIssue): string {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'required field is missing';
      const expected = iss.expected === 'number' && isIntegerSchema(iss) ? 'int' : iss.expected;
      return `expected ${TYPE_WORDS[expected] ?? expected}, got ${describeValue(iss.input)}`;
    }
    case 'invalid_value': {
      const values = iss.values.map(String);
      return `${describeValue(iss.input)} is not one of: ${values.join(', ')}${typeof iss.input === 'string' ? didYouMean(iss.input, values) : ''}`;
    }
    case 'too_small':
      if (iss.origin === 'array') return `needs at least ${String(iss.minimum)} item${iss.minimum === 1 ? '' : 's'}`;
      if (iss.origin === 'string') return 'must not be empty';
      return `${describeValue(iss.input)} is out of range (must be ${bound(iss, true)})`;
    case 'too_big':
      if (iss.origin === 'array') return `has more than ${String(iss.maximum)} items`;
      if (iss.origin === 'string') return `is longer than ${String(iss.maximum)} characters`;
      return `${describeValue(iss.input)} is out of range (must be ${bound(iss, false)})`;
    case 'invalid_format':
      return `${describeValue(iss.input)} has the wrong format`;
    case 'invalid_union':
      return `${describeValue(iss.input)} does not match any allowed form`;
    case 'invalid_key':
      return `invalid key ${describeValue(iss.input)}`;
    case 'unrecognized_keys':
      return `unknown field${iss.keys.length === 1 ? '' : 's'} ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return 'invalid value';
  }
}

function isCode(v: unknown): v is LabFileErrorCode {
  return typeof v === 'string' && (LAB_FILE_ERROR_CODES as readonly string[]).includes(v);
}

export function issueCode(iss: Issue): LabFileErrorCode {
  switch (iss.code) {
    case 'custom':
      return isCode(iss.params?.['code']) ? iss.params['code'] : 'invalid-value';
    case 'invalid_type':
      return iss.input === undefined ? 'missing-field' : 'invalid-type';
    case 'unrecognized_keys':
      return 'unknown-field';
    case 'too_small':
    case 'too_big':
      return 'out-of-range';
    case 'invalid_union':
      return 'note' in iss && iss.note === 'No matching discriminator' ? 'invalid-value' : 'invalid-type';
    case 'invalid_key':
      return 'invalid-name';
    default:
      return 'invalid-value';
  }
}
