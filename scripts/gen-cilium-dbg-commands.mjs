// Writes src/tools/cilium/dbg-command-tree.ts: cilium-dbg's cobra command tree (names, aliases, Short, the
// Long of commands without a Run, whether each runs, Hidden) as cilium 1.18 builds it, read from the
// cobra.Command literals and AddCommand calls of cilium-dbg/cmd and the packages its root adds.
// Usage: node scripts/gen-cilium-dbg-commands.mjs [CILIUM_GIT_DIR] [COMMIT]
// (defaults: /work/.mirror/mhofstetter+cilium/repo, 228a293646 = the v1.18 branch point).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const GIT_DIR = process.argv[2] ?? '/work/.mirror/mhofstetter+cilium/repo';
const COMMIT = process.argv[3] ?? '228a293646';
const git = (...args) => execFileSync('git', [`--git-dir=${GIT_DIR}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
const goFiles = (dir) => git('ls-tree', '-r', '--name-only', COMMIT, dir).split('\n').filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
const sources = [...goFiles('cilium-dbg/cmd/'), 'pkg/shell/client/shell_client.go', 'pkg/cmdref/cmdref.go'].map((f) => ({ file: f, text: git('show', `${COMMIT}:${f}`) }));

/** Go string constants of the files (`const x = "..."` / `` `...` ``), for Long: someUsage. */
const consts = new Map();
for (const { text } of sources) {
  for (const m of text.matchAll(/^\s*(\w+)\s*=\s*(`[^`]*`|"(?:[^"\\]|\\.)*")\s*$/gm)) consts.set(m[1], goString(m[2]));
}

function goString(lit) {
  if (lit.startsWith('`')) return lit.slice(1, -1);
  return JSON.parse(lit);
}

/** A field's string value: literals joined by +, or a known constant. */
function stringField(body, name) {
  const m = new RegExp(String.raw`\n\s*${name}:\s*((?:\`[^\`]*\`|"(?:[^"\\]|\\.)*"|\w+)(?:\s*\+\s*(?:\`[^\`]*\`|"(?:[^"\\]|\\.)*"|\w+))*)\s*,`).exec(body);
  if (!m) return undefined;
  const parts = m[1].split(/\s*\+\s*(?=[`"\w])/);
  const values = parts.map((p) => (p.startsWith('`') || p.startsWith('"') ? goString(p) : consts.get(p)));
  return values.every((v) => v !== undefined) ? values.join('') : undefined;
}

/** The Go package qualifier other packages name a file's commands with ('' for cilium-dbg/cmd itself). */
function pkgOf(file) {
  return file.startsWith('pkg/shell/') ? 'shell.' : file.startsWith('pkg/cmdref/') ? 'cmdref.' : file.includes('/troubleshoot/') ? 'troubleshoot.' : '';
}

/** The cobra.Command literals: Go variable (or constructor) name → fields. */
const commands = new Map();
for (const { file, text } of sources) {
  const pkg = pkgOf(file);
  for (const m of text.matchAll(/(?:(?:var\s+)?(\w+)\s*:?=|return)\s*&cobra\.Command\{([\s\S]*?)\n\s*\}\n/g)) {
    let name = m[1] ?? 'cmd';
    // A constructor's command (`cmd := &cobra.Command{...}`, `return &cobra.Command{...}`) is known by the
    // function's name, or the variable a function literal is called to fill.
    if (name === 'cmd') name = [...text.slice(0, m.index).matchAll(/func\s+(\w+)\(|(\w+)\s*=\s*func\(\)/g)].at(-1)?.slice(1).find(Boolean) ?? name;
    const body = `\n${m[2]}`;
    // Use: fmt.Sprintf("config %s", ...) names the command by the format's first word.
    const use = stringField(body, 'Use') ?? /\n\s*Use:\s*fmt\.Sprintf\("(\S+)/.exec(body)?.[1];
    // Some constructors set Run after building the literal (`cmd.Run = func...`).
    const rest = text.slice(m.index + m[0].length).split(/\nfunc /)[0] ?? '';
    if (use === undefined) continue;
    const aliasList = /\n\s*Aliases:\s*\[\]string\{([^}]*)\}/.exec(body)?.[1] ?? '';
    const aliases = [...aliasList.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((a) => goString(a[0]));
    commands.set(pkg + name, {
      use,
      short: stringField(body, 'Short'),
      long: stringField(body, 'Long'),
      aliases,
      hidden: /\n\s*Hidden:\s*true/.test(body),
      runnable: /\n\s*(Run|RunE):/.test(body) || (m[1] === 'cmd' && /\bcmd\.(Run|RunE)\s*=/.test(rest)),
      children: [],
    });
  }
}

/** AddCommand edges, in the order Go's init functions run (file name order). */
for (const { file, text } of [...sources].sort((a, b) => (a.file < b.file ? -1 : 1))) {
  // Locals holding a constructor's command (`miCmd := migrateIdentityCmd()`).
  const locals = new Map([...text.matchAll(/(\w+)\s*:=\s*(\w+)\(\)/g)].map((l) => [l[1], l[2]]));
  for (const m of text.matchAll(/(\w+)\.AddCommand\(([\s\S]*?)\)\n/g)) {
    const parent = commands.get(pkgOf(file) + m[1]) ?? commands.get(m[1]);
    if (!parent) continue;
    for (const arg of m[2].split(/,\s*(?![^()]*\))/)) {
      const called = arg.trim().replace(/\(.*\)$/s, '');
      const ref = locals.get(called) ?? called;
      const child = commands.get(pkgOf(file) + ref) ?? commands.get(ref);
      if (child && !parent.children.includes(child)) parent.children.push(child);
    }
  }
}

const q = (s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\t', '\\t')}'`;
function emit(c, indent) {
  const pad = '  '.repeat(indent);
  const fields = [`use: ${q(c.use)}`];
  if (c.short) fields.push(`short: ${q(c.short)}`);
  if (c.long && !c.runnable) fields.push(`long: ${q(c.long)}`);
  if (c.aliases.length) fields.push(`aliases: [${c.aliases.map(q).join(', ')}]`);
  if (c.hidden) fields.push('hidden: true');
  if (c.runnable) fields.push('runnable: true');
  if (c.children.length === 0) return `${pad}{ ${fields.join(', ')} },`;
  return [`${pad}{`, ...fields.map((f) => `${pad}  ${f},`), `${pad}  commands: [`, ...c.children.map((k) => emit(k, indent + 2)), `${pad}  ],`, `${pad}},`].join('\n');
}

const root = commands.get('RootCmd');
if (!root) throw new Error('no RootCmd');
const out = [
  '// GENERATED by scripts/gen-cilium-dbg-commands.mjs — do not edit. cilium-dbg\'s cobra command tree in',
  `// cilium ${COMMIT} (the v1.18 branch point): Use, Short, the Long of commands without a Run, Aliases,`,
  '// Hidden and whether each command runs, children in the order their init functions add them.',
  '',
  "import type { CobraCommand } from '../cobra-help.js';",
  '',
  `export const CILIUM_DBG_TREE: CobraCommand = ${emit(root, 0).trim().replace(/,$/, '')};`,
  '',
].join('\n');
writeFileSync(new URL('../src/tools/cilium/dbg-command-tree.ts', import.meta.url), out);
