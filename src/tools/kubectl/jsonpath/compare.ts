// Layer tools (kubectl): JSONPath filter comparisons, as client-go's fork of text/template funcs.go does them:
// operands must be of one basic kind (bool, int, float, string); an int literal never equals a float one,
// and maps, lists and null are "invalid type for comparison".

/** A literal from the template keeps its Go kind: `1` is an int, `1.0` a float. */
export class Literal {
  constructor(
    readonly kind: 'int' | 'float' | 'bool',
    readonly value: number | boolean,
  ) {}
}

type Kind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: unknown): Kind {
  if (v instanceof Literal) return v.kind;
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  throw new Error('invalid type for comparison');
}

const raw = (v: unknown): unknown => (v instanceof Literal ? v.value : v);

export function goEqual(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) throw new Error('incompatible types for comparison');
  return raw(a) === raw(b);
}

export function goLess(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) throw new Error('incompatible types for comparison');
  if (ka === 'bool') throw new Error('invalid type for comparison');
  const x = raw(a) as number | string;
  const y = raw(b) as number | string;
  return x < y;
}

/** The filter operators of evalFilter. */
export function compare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '<':
      return goLess(a, b);
    case '>':
      return !(goLess(a, b) || goEqual(a, b));
    case '==':
      return goEqual(a, b);
    case '!=':
      return !goEqual(a, b);
    case '<=':
      return goLess(a, b) || goEqual(a, b);
    case '>=':
      return !goLess(a, b);
    default:
      throw new Error(`unrecognized filter operator ${op}`);
  }
}
