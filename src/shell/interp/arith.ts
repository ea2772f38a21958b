// Layer shell: arithmetic expansion `$(( ))`, `(( ))` and `for (( ; ; ))`, with bash's integer rules:
// truncating division, `**`, bit operators, assignments (`i++`, `x += 2`), and variables whose text is
// itself an expression. Errors end the command with bash's "division by 0" style messages.

import { parse } from 'just-bash';
import type { ArithExpr, WordPart } from '../syntax/ast.js';
import { FatalExpansion } from './control.js';

export interface ArithScope {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  commandSubstitution(source: string): Promise<string>;
}

/** A zero divisor: the caller that knows the expression's text words bash's message. */
class DivisionByZero {
  constructor(readonly operator: string) {}
}

/**
 * Evaluates an arithmetic expression whose source text is known, wording a zero divisor as bash does:
 * `[LABEL: ]TEXT: division by 0 (error token is "REST")`, REST being the text from the divisor on.
 * @example await evalArithText(node.expression, node.originalText, scope, '((')
 */
export async function evalArithText(e: ArithExpr, text: string | undefined, scope: ArithScope, label?: string): Promise<number> {
  try {
    return await evalArith(e, scope);
  } catch (err) {
    if (!(err instanceof DivisionByZero)) throw err;
    const src = (text ?? '').trimStart();
    const at = src.lastIndexOf(err.operator);
    const token = at < 0 ? '0' : src.slice(at + 1).trimStart();
    throw new FatalExpansion(`${label ? `${label}: ` : ''}${src === '' ? '' : `${src}: `}division by 0 (error token is "${token}")`);
  }
}

export async function evalArith(e: ArithExpr, scope: ArithScope, depth = 0): Promise<number> {
  const ev = (x: ArithExpr) => evalArith(x, scope, depth);
  switch (e.type) {
    case 'ArithNumber':
      return e.value;
    case 'ArithSingleQuote':
      return e.value;
    case 'ArithVariable':
    case 'ArithSpecialVar':
      return valueOf(scope.get(e.name), scope, depth);
    case 'ArithArrayElement':
      return valueOf(scope.get(e.array), scope, depth);
    case 'ArithGroup':
    case 'ArithNested':
      return ev(e.expression);
    case 'ArithCommandSubst':
      return valueOf((await scope.commandSubstitution(e.command)).trim(), scope, depth);
    case 'ArithBracedExpansion':
      return valueOf(scope.get(e.content), scope, depth);
    case 'ArithUnary':
      return unary(e, scope, ev);
    case 'ArithBinary':
      return binary(e.operator, e.left, e.right, ev);
    case 'ArithTernary':
      return (await ev(e.condition)) !== 0 ? ev(e.consequent) : ev(e.alternate);
    case 'ArithAssignment': {
      const cur = valueOf(scope.get(e.variable), scope, depth);
      const rhs = await ev(e.value);
      const v = e.operator === '=' ? rhs : applyBinary(e.operator.slice(0, -1), await cur, rhs);
      scope.set(e.variable, String(v));
      return v;
    }
    case 'ArithConcat': {
      let text = '';
      for (const p of e.parts) text += String(await ev(p));
      return valueOf(text, scope, depth);
    }
    case 'ArithSyntaxError':
      throw new FatalExpansion(`${e.message} (error token is "${e.errorToken}")`);
    default:
      throw new FatalExpansion('arithmetic syntax error');
  }
}

async function unary(e: Extract<ArithExpr, { type: 'ArithUnary' }>, scope: ArithScope, ev: (x: ArithExpr) => Promise<number>): Promise<number> {
  if (e.operator === '++' || e.operator === '--') {
    const name = e.operand.type === 'ArithVariable' ? e.operand.name : undefined;
    const before = await ev(e.operand);
    const after = e.operator === '++' ? before + 1 : before - 1;
    if (name !== undefined) scope.set(name, String(after));
    return e.prefix ? after : before;
  }
  const v = await ev(e.operand);
  switch (e.operator) {
    case '-':
      return -v;
    case '+':
      return v;
    case '!':
      return v === 0 ? 1 : 0;
    case '~':
      return ~v;
  }
}

async function binary(op: string, l: ArithExpr, r: ArithExpr, ev: (x: ArithExpr) => Promise<number>): Promise<number> {
  if (op === '&&') return (await ev(l)) !== 0 && (await ev(r)) !== 0 ? 1 : 0;
  if (op === '||') return (await ev(l)) !== 0 || (await ev(r)) !== 0 ? 1 : 0;
  if (op === ',') {
    await ev(l);
    return ev(r);
  }
  return applyBinary(op, await ev(l), await ev(r));
}

function applyBinary(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
    case '%':
      if (b === 0) throw new DivisionByZero(op);
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '**':
      return a ** b;
    case '<<':
      return a << b;
    case '>>':
      return a >> b;
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    default:
      throw new FatalExpansion(`syntax error in expression (error token is "${op}")`);
  }
}

/** A variable's text as a number: empty is 0, digits are the number, anything else an expression. */
async function valueOf(text: string | undefined, scope: ArithScope, depth: number): Promise<number> {
  const t = (text ?? '').trim();
  if (t === '') return 0;
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^0x[0-9a-f]+$/i.test(t)) return Number.parseInt(t, 16);
  if (depth > 16) throw new FatalExpansion(`${t}: expression recursion level exceeded`);
  const expr = parseArithmetic(t);
  if (!expr) throw new FatalExpansion(`${t}: syntax error: operand expected (error token is "${t}")`);
  return evalArith(expr, scope, depth + 1);
}

/** Parses arithmetic text by wrapping it in `$(( ))` for just-bash's parser. */
export function parseArithmetic(text: string): ArithExpr | undefined {
  try {
    const script = parse(`: $((${text}))`);
    const cmd = script.statements[0]?.pipelines[0]?.commands[0];
    const part: WordPart | undefined = cmd?.type === 'SimpleCommand' ? cmd.args[0]?.parts[0] : undefined;
    return part?.type === 'ArithmeticExpansion' ? part.expression.expression : undefined;
  } catch {
    return undefined;
  }
}
