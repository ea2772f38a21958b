// Writes the cobra command trees (names, aliases, Short, the Long of commands without a Run, whether each
// runs, Hidden) of the two Cilium CLIs the lab runs, read from their cobra.Command literals and AddCommand
// calls: src/tools/cilium/dbg-command-tree.ts (cilium-dbg of cilium 1.18: cilium-dbg/cmd at the v1.18
// branch point) and src/tools/cilium/cli-command-tree.ts (cilium-cli v0.18.6: its vendored cilium-cli/cli).
// Usage: node scripts/gen-cilium-command-trees.mjs [CILIUM_GIT_DIR] [CILIUM_CLI_GIT_DIR]
// (defaults: the mirrors in /work/.mirror).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const TREES = [
  {
    gitDir: process.argv[2] ?? '/work/.mirror/mhofstetter+cilium/repo',
    commit: '228a293646',
    label: 'cilium-dbg\'s cobra command tree in cilium 228a293646 (the v1.18 branch point):',
    dirs: ['cilium-dbg/cmd/'],
    extra: ['pkg/shell/client/shell_client.go', 'pkg/cmdref/cmdref.go'],
    root: 'RootCmd',
    out: 'dbg-command-tree.ts',
    name: 'CILIUM_DBG_TREE',
  },
  {
    gitDir: process.argv[3] ?? '/work/.mirror/cilium+cilium-cli/repo',
    commit: 'v0.18.6',
    label: 'cilium-cli v0.18.6\'s cobra command tree (its vendored cilium-cli/cli):',
    dirs: ['vendor/github.com/cilium/cilium/cilium-cli/cli/'],
    extra: ['vendor/github.com/cilium/cilium/pkg/cmdref/cmdref.go'],
    root: 'NewCiliumCommand',
    out: 'cli-command-tree.ts',
    name: 'CILIUM_CLI_TREE',
  },
];

for (const tree of TREES) writeTree(tree);

function writeTree({ gitDir, commit, label, dirs, extra, root: rootName, out, name: exportName }) {
const git = (...args) => execFileSync('git', [`--git-dir=${gitDir}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
const goFiles = (dir) => git('ls-tree', '--name-only', commit, dir).split('\n').filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
const subdirs = (dir) => git('ls-tree', '-d', '--name-only', commit, dir).split('\n').filter(Boolean).map((d) => `${d}/`);
const sources = [...dirs.flatMap((d) => [...goFiles(d), ...subdirs(d).flatMap(goFiles)]), ...extra].map((f) => ({ file: f, text: git('show', `${commit}:${f}`) }));

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
  const dir = file.split('/').slice(-2, -1)[0] ?? '';
  return dirs.some((d) => file.startsWith(d) && !file.slice(d.length).includes('/')) ? '' : `${dir === 'client' ? 'shell' : dir}.`;
}

/** The cobra.Command literals: Go variable (or constructor) name → fields. */
const commands = new Map();
for (const { file, text } of sources) {
  const pkg = pkgOf(file);
  // A literal ends at the brace indented as the line that opens it.
  for (const m of text.matchAll(/^([ \t]*)(?:(?:var\s+)?(\w+)\s*:?=|return)\s*&cobra\.Command\{([\s\S]*?)\n\1\}/gm)) {
    let name = m[2] ?? 'cmd';
    // A constructor's command (`cmd := &cobra.Command{...}`, `return &cobra.Command{...}`) is known by the
    // function's name, or the variable a function literal is called to fill.
    if (name === 'cmd') name = [...text.slice(0, m.index).matchAll(/func\s+(\w+)\(|(\w+)\s*=\s*func\(\)/g)].at(-1)?.slice(1).find(Boolean) ?? name;
    const body = `\n${m[3]}`;
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
      runnable: /\n\s*(Run|RunE):/.test(body) || (name !== m[2] && /\bcmd\.(Run|RunE)\s*=/.test(rest)),
      children: [],
    });
  }
}

/** AddCommand edges, in the order Go's init functions run (file name order). */
for (const { file, text } of [...sources].sort((a, b) => (a.file < b.file ? -1 : 1))) {
  // Locals holding a constructor's command (`miCmd := migrateIdentityCmd()`).
  const locals = new Map([...text.matchAll(/(\w+)\s*:=\s*(\w+)\(\)/g)].map((l) => [l[1], l[2]]));
  for (const m of text.matchAll(/(\w+)\.AddCommand\(([\s\S]*?)\)\n/g)) {
    const enclosing = [...text.slice(0, m.index).matchAll(/func\s+(\w+)\(|(\w+)\s*=\s*func\(\)/g)].at(-1)?.slice(1).find(Boolean);
    const parent = commands.get(pkgOf(file) + m[1]) ?? commands.get(m[1]) ?? (m[1] === 'cmd' && enclosing ? commands.get(pkgOf(file) + enclosing) : undefined);
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
function emit(c, indent, isRoot = false) {
  const pad = '  '.repeat(indent);
  const fields = [`use: ${q(c.use)}`];
  if (c.short) fields.push(`short: ${q(c.short)}`);
  if (c.long && (!c.runnable || isRoot)) fields.push(`long: ${q(c.long)}`);
  if (c.aliases.length) fields.push(`aliases: [${c.aliases.map(q).join(', ')}]`);
  if (c.hidden) fields.push('hidden: true');
  if (c.runnable) fields.push('runnable: true');
  if (c.children.length === 0) return `${pad}{ ${fields.join(', ')} },`;
  return [`${pad}{`, ...fields.map((f) => `${pad}  ${f},`), `${pad}  commands: [`, ...c.children.map((k) => emit(k, indent + 2)), `${pad}  ],`, `${pad}},`].join('\n');
}

const root = commands.get(rootName);
if (!root) throw new Error(`no ${rootName}`);
const lines = [
  '// GENERATED by scripts/gen-cilium-command-trees.mjs - do not edit.',
  `// ${label} Use, Short, Aliases, Hidden,`,
  '// whether each command runs, the Long of the root and of commands without a Run; children in the order added.',
  '',
  "import type { CobraCommand } from '../cobra-help.js';",
  '',
  `export const ${exportName}: CobraCommand = ${emit(root, 0, true).trim().replace(/,$/, '')};`,
  '',
].join('\n');
writeFileSync(new URL(`../src/tools/cilium/${out}`, import.meta.url), lines);
}
