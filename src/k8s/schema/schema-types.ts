// Layer k8s: a small description of the Go API types, enough for what the apiserver's decoder
// checks before validation: unknown fields (strict field validation) and JSON type mismatches,
// reported with the Go struct and type names encoding/json prints.

export type FieldType =
  | { readonly t: 'string' }
  | { readonly t: 'int32' }
  | { readonly t: 'int64' }
  | { readonly t: 'bool' }
  | { readonly t: 'float64' }
  | { readonly t: 'intstr' }
  | { readonly t: 'quantity' }
  | { readonly t: 'bytes' }
  | { readonly t: 'any' }
  | { readonly t: 'map'; readonly value: FieldType }
  | { readonly t: 'list'; readonly item: FieldType }
  | { readonly t: 'struct'; readonly def: StructDef };

export interface StructDef {
  /** Go type name with package, as %v prints it ("v1.PodSpec"). */
  readonly goName: string;
  /** Lazily evaluated so recursive and mutually referencing types work. */
  readonly fields: () => Readonly<Record<string, FieldType>>;
}

export const str: FieldType = { t: 'string' };
export const i32: FieldType = { t: 'int32' };
export const i64: FieldType = { t: 'int64' };
export const bool: FieldType = { t: 'bool' };
export const f64: FieldType = { t: 'float64' };
export const intstr: FieldType = { t: 'intstr' };
export const quantity: FieldType = { t: 'quantity' };
export const bytes: FieldType = { t: 'bytes' };
export const anyValue: FieldType = { t: 'any' };
export const strMap: FieldType = { t: 'map', value: str };
export const strList: FieldType = { t: 'list', item: str };

export const mapOf = (value: FieldType): FieldType => ({ t: 'map', value });
export const listOf = (item: FieldType): FieldType => ({ t: 'list', item });

/** A struct type; its field table is built on first use and kept (the decoder walks it on every write). */
export function struct(goName: string, fields: () => Readonly<Record<string, FieldType>>): FieldType {
  let table: Readonly<Record<string, FieldType>> | undefined;
  return { t: 'struct', def: { goName, fields: () => (table ??= fields()) } };
}

/** The Go type string encoding/json names in an UnmarshalTypeError. */
export function goTypeName(ft: FieldType): string {
  switch (ft.t) {
    case 'string':
    case 'int32':
    case 'int64':
    case 'bool':
    case 'float64':
      return ft.t;
    case 'intstr':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'bytes':
      return '[]uint8';
    case 'any':
      return 'interface {}';
    case 'map':
      return `map[string]${goTypeName(ft.value)}`;
    case 'list':
      return `[]${goTypeName(ft.item)}`;
    case 'struct':
      return ft.def.goName;
  }
}
