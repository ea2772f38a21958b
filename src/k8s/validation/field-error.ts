// Layer k8s: field-level validation errors, as k8s.io/apimachinery/pkg/util/validation/field
// defines and prints them: `<field>: <Type text>[: <value>][: <detail>]`, and the aggregate
// (`[a, b]` for several distinct messages) that errors.NewInvalid puts after "is invalid: ".

import { goQuote } from './go-format.js';

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const TYPE_TEXT = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
} as const satisfies Record<FieldErrorType, string>;

/**
 * The bad value: a JS primitive is printed as Go would print the same Go primitive (%q for strings,
 * %v for numbers and booleans, "null" for null); `{ goSyntax }` carries a pre-rendered %#v of a
 * composite Go value; `'omit'` prints no value.
 */
export type BadValue = string | number | boolean | null | { readonly goSyntax: string } | 'omit';

export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  readonly badValue: BadValue;
  readonly detail: string;
}

/** field.Error.ErrorBody(). */
export function errorBody(e: FieldError): string {
  let s: string = TYPE_TEXT[e.type];
  const noValue =
    e.type === 'FieldValueRequired' || e.type === 'FieldValueForbidden' || e.type === 'FieldValueTooLong' || e.type === 'InternalError';
  if (!noValue && e.badValue !== 'omit') s += `: ${formatBadValue(e.badValue)}`;
  if (e.detail !== '') s += `: ${e.detail}`;
  return s;
}

function formatBadValue(v: Exclude<BadValue, 'omit'>): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.goSyntax;
}

/** field.Error.Error(). */
export function fieldErrorMessage(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** ErrorList.ToAggregate().Error(): duplicates dropped, one message bare, several in `[a, b]`. */
export function aggregateMessage(errs: readonly FieldError[]): string {
  const seen: string[] = [];
  for (const e of errs) {
    const m = fieldErrorMessage(e);
    if (!seen.includes(m)) seen.push(m);
  }
  if (seen.length === 0) return '';
  if (seen.length === 1) return seen[0] ?? '';
  return `[${seen.join(', ')}]`;
}

export const required = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, badValue: '', detail });
export const invalidValue = (field: string, badValue: BadValue, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  badValue,
  detail,
});
export const forbiddenField = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, badValue: '', detail });
export const duplicate = (field: string, badValue: BadValue): FieldError => ({ type: 'FieldValueDuplicate', field, badValue, detail: '' });
export const notFoundField = (field: string, badValue: BadValue): FieldError => ({ type: 'FieldValueNotFound', field, badValue, detail: '' });

/** field.NotSupported: `Unsupported value: "x": supported values: "a", "b"`. */
export function notSupported(field: string, badValue: BadValue, valid: readonly string[]): FieldError {
  const detail = valid.length === 0 ? '' : `supported values: ${valid.map(goQuote).join(', ')}`;
  return { type: 'FieldValueNotSupported', field, badValue, detail };
}

/** field.TooLong with a max: `Too long: may not be more than N bytes`. */
export function tooLong(field: string, maxLength: number): FieldError {
  return { type: 'FieldValueTooLong', field, badValue: 'omit', detail: `may not be more than ${maxLength} bytes` };
}
