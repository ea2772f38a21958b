// Layer sim (a leaf): the seeded random number generator (sfc32, seeded through splitmix32).
// `fork(label)` derives an independent stream per purpose ("ipam/k8s-ctr", "identity"), so a draw
// in one place never shifts another; the same seed and labels always give the same numbers.

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over a string: a stable 32-bit label hash. */
export function fnv1a32(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Scratch arrays for string(), by length (strings are drawn one at a time, and in a few lengths). */
const charCodes: number[][] = [];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    const sm = splitmix32(seed);
    this.a = sm();
    this.b = sm();
    this.c = sm();
    this.d = sm();
  }

  /** An independent stream named by `label`. @example rng.fork('ipam/k8s-w1').int(1, 254) */
  fork(label: string): Rng {
    return new Rng(fnv1a32(label, (this.seed ^ 0x811c9dc5) >>> 0));
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick on an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** `length` characters drawn from `alphabet` (one draw each), built as one flat string. */
  string(alphabet: string, length: number): string {
    const codes = (charCodes[length] ??= new Array<number>(length).fill(0));
    for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(this.int(0, alphabet.length - 1));
    return String.fromCharCode.apply(null, codes);
  }

  hex(length: number): string {
    return this.string('0123456789abcdef', length);
  }
}
