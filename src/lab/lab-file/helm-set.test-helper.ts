// Test helper: what `helm install ... --set a.b=c` builds from a shell command line, so the default
// lab's values can be checked against the verbatim k8s-ctr.sh command. Models bash quote removal and
// Helm's strvals parser (pkg/strvals/parser.go): dotted keys nest, {a,b} is a list, "\," escapes a
// comma inside a list item, and typedVal turns true/false/null/integers into typed values.

import type { HelmValue } from './cilium-schema.js';

type Tree = { [key: string]: HelmValue };

/** Bash word splitting and quote removal for one command line (no expansions besides quotes). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    const next = line[i + 1] ?? '';
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && '$`"\\\n'.includes(next)) cur += line[++i] ?? '';
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      const n = line[++i] ?? '';
      if (n !== '\n') cur += n;
      inWord ||= n !== '\n';
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** strvals typedVal(): true/false/null case-insensitively, "0", and integers not starting with 0. */
function typedVal(v: string): HelmValue {
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  if (/^null$/i.test(v)) return null;
  if (v === '0') return 0;
  if (v !== '' && v[0] !== '0' && /^[+-]?[0-9]+$/.test(v)) return Number(v);
  return v;
}

/** Reads runes until one of `stop`, honouring "\x" escapes (strvals runesUntil). */
function runesUntil(s: string, from: number, stop: string): { text: string; last: string; end: number } {
  let text = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i] ?? '';
    if (stop.includes(c)) return { text, last: c, end: i + 1 };
    if (c === '\\') text += s[++i] ?? '';
    else text += c;
  }
  return { text, last: '', end: s.length };
}

function parseValue(s: string): HelmValue {
  if (!s.startsWith('{')) return typedVal(runesUntil(s, 0, ',').text);
  const list: HelmValue[] = [];
  let i = 1;
  for (;;) {
    const r = runesUntil(s, i, ',}');
    if (r.last === '') throw new Error("list must terminate with '}'");
    list.push(typedVal(r.text));
    i = r.end;
    if (r.last === '}') return list;
  }
}

/** Applies one --set argument ("a.b.c=value") to the tree. */
export function helmSet(tree: Tree, arg: string): void {
  const eq = arg.indexOf('=');
  const keys = arg.slice(0, eq).split('.');
  let node = tree;
  keys.slice(0, -1).forEach((k) => {
    const child = node[k];
    const next: Tree = typeof child === 'object' && child !== null && !Array.isArray(child) ? (child as Tree) : {};
    node[k] = next;
    node = next;
  });
  node[keys[keys.length - 1] ?? ''] = parseValue(arg.slice(eq + 1));
}

/** All --set flags of a helm command line, applied in order. */
export function helmValuesFromCommand(command: string): Tree {
  const words = shellWords(command);
  const tree: Tree = {};
  words.forEach((w, i) => {
    if (w === '--set') helmSet(tree, words[i + 1] ?? '');
  });
  return tree;
}
