// Layer tools (helm): the `helm` command (Helm v3.18.4, as get-helm-3 installed it on k8s-ctr): cobra-style
// dispatch of upgrade/install/get values/list/status/history/repo/version (aliases too), global flags,
// --help / help [command] from help.ts, and Helm's error reporting ("Error: ..." on stderr, exit 1); a
// flag the help lists but the lab does not model is refused. The lab state is untouched when a command fails.

import type { Process, Tool } from '../process.js';
import { HelmError, repositories } from './chart-source.js';
import { FlagError, flagBool, flagValue, parseFlags, type FlagSpec } from './flags.js';
import { childrenOf, helpCommand, helpOf, nameOf, wantsHelp, type CobraCommand, type CobraFlag, type CobraProgram } from '../cobra-help.js';
import { uitable } from './go-time.js';
import { helmProgram } from './help.js';
import { getValues, history, list, status } from './info.js';
import { INSTALL_FLAGS, runInstall, runUpgrade } from './upgrade.js';

const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'kube-context', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'debug', kind: 'bool' },
];

const VERSION = { version: 'v3.18.4', commit: 'd80839cf37d860c8aa9a0503fe463278f26cd5e2', go: 'go1.24.4' };

interface Command {
  readonly use: string;
  readonly flags: readonly FlagSpec[];
  readonly args: number | 'any';
  readonly run: (p: Process, f: ReturnType<typeof parseFlags>, ns: string) => number;
}

const OUTPUT: FlagSpec = { name: 'output', short: 'o', kind: 'string' };

const COMMANDS: Readonly<Record<string, Command>> = {
  upgrade: { use: 'helm upgrade [RELEASE] [CHART] [flags]', flags: INSTALL_FLAGS, args: 2, run: (p, f, ns) => runUpgrade(p, f, ns, f.args[0] ?? '', f.args[1] ?? '') },
  install: { use: 'helm install [NAME] [CHART] [flags]', flags: INSTALL_FLAGS, args: 2, run: (p, f, ns) => runInstall(p, f, ns, f.args[0] ?? '', f.args[1] ?? '') },
  'get values': { use: 'helm get values RELEASE_NAME [flags]', flags: [{ name: 'all', short: 'a', kind: 'bool' }, { name: 'revision', kind: 'string' }, OUTPUT], args: 1, run: (p, f, ns) => getValues(p, f, ns, f.args[0] ?? '') },
  list: {
    use: 'helm list [flags]',
    flags: [{ name: 'all-namespaces', short: 'A', kind: 'bool' }, { name: 'all', short: 'a', kind: 'bool' }, { name: 'short', short: 'q', kind: 'bool' }, { name: 'no-headers', kind: 'bool' }, OUTPUT],
    args: 0,
    run: (p, f, ns) => list(p, f, flagBool(f, 'all-namespaces') ? undefined : ns),
  },
  status: { use: 'helm status RELEASE_NAME [flags]', flags: [OUTPUT, { name: 'revision', kind: 'string' }], args: 1, run: (p, f, ns) => status(p, f, ns, f.args[0] ?? '') },
  history: { use: 'helm history RELEASE_NAME [flags]', flags: [OUTPUT, { name: 'max', kind: 'string' }], args: 1, run: (p, f, ns) => history(p, f, ns, f.args[0] ?? '') },
  'repo add': {
    use: 'helm repo add [NAME] [URL] [flags]',
    flags: [{ name: 'force-update', kind: 'bool' }],
    args: 2,
    run: (p, f) => {
      const [name = '', url = ''] = f.args;
      if (name.includes('/')) throw new HelmError(`repository name (${name}) contains '/', please specify a different name without '/'`);
      const repos = repositories(p.lab);
      const cur = repos.find((r) => r.name === name);
      if (cur && cur.url === url) p.out(`"${name}" already exists with the same configuration, skipping\n`);
      else if (cur && !flagBool(f, 'force-update')) throw new HelmError(`repository name (${name}) already exists, please specify a different name`);
      else {
        if (cur) repos[repos.indexOf(cur)] = { name, url };
        else repos.push({ name, url });
        p.out(`"${name}" has been added to your repositories\n`);
      }
      return 0;
    },
  },
  'repo update': {
    use: 'helm repo update [REPO1 [REPO2 ...]] [flags]',
    flags: [],
    args: 'any',
    run: (p, f) => {
      const repos = repositories(p.lab).filter((r) => f.args.length === 0 || f.args.includes(r.name));
      if (repositories(p.lab).length === 0) throw new HelmError('no repositories found. You must add one before updating');
      const missing = f.args.find((a) => !repositories(p.lab).some((r) => r.name === a));
      if (missing !== undefined) throw new HelmError(`no repositories found matching '${missing}'.  Nothing will be updated`);
      p.out('Hang tight while we grab the latest from your chart repositories...\n');
      for (const r of repos) p.out(`...Successfully got an update from the "${r.name}" chart repository\n`);
      p.out('Update Complete. ⎈Happy Helming!⎈\n');
      return 0;
    },
  },
  'repo list': {
    use: 'helm repo list [flags]',
    flags: [OUTPUT],
    args: 0,
    run: (p) => {
      const repos = repositories(p.lab);
      if (repos.length === 0) throw new HelmError('no repositories to show');
      p.out(`${uitable([['NAME', 'URL'], ...repos.map((r) => [r.name, r.url])])}\n`);
      return 0;
    },
  },
  version: {
    use: 'helm version [flags]',
    flags: [{ name: 'short', kind: 'bool' }, { name: 'template', kind: 'string' }],
    args: 0,
    run: (p, f) => {
      if (flagBool(f, 'short')) p.out(`${VERSION.version}+g${VERSION.commit.slice(0, 7)}\n`);
      else p.out(`version.BuildInfo{Version:"${VERSION.version}", GitCommit:"${VERSION.commit}", GitTreeState:"clean", GoVersion:"${VERSION.go}"}\n`);
      return 0;
    },
  },
};

/** The commands whose help is modelled (their flags are in help.ts); `help` for the others is not emulated. */
const HELPED = new Set(['', 'get', 'repo', ...Object.keys(COMMANDS)]);

function pluralize(n: number): string {
  return n === 1 ? 'argument' : 'arguments';
}

/** pflag's parser spec for a flag the help lists. */
function specOf(f: CobraFlag): FlagSpec {
  const kind = f.type === 'bool' ? 'bool' : /Array|Slice|stringToString/.test(f.type) ? 'strings' : 'string';
  return { name: f.name, ...(f.short ? { short: f.short } : {}), kind };
}

/** cobra's Find: the command words (names or aliases) among argv, skipping global flags and their values. */
function commandPath(prog: CobraProgram, argv: readonly string[]): { path: CobraCommand[]; rest: string[] } {
  const valued = (prog.root.persistentFlags ?? []).filter((f) => f.type !== 'bool');
  const path = [prog.root];
  const rest: string[] = [];
  let isDone = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('-')) {
      rest.push(a);
      if (valued.some((f) => a === `--${f.name}` || a === `-${f.short}`) && i + 1 < argv.length) rest.push(argv[++i] ?? '');
      continue;
    }
    const next = isDone ? undefined : childrenOf(path[path.length - 1] as CobraCommand, path.length === 1).find((k) => nameOf(k) === a || (k.aliases ?? []).includes(a));
    if (next) path.push(next);
    else {
      isDone = true;
      rest.push(a);
    }
  }
  return { path, rest };
}

export const helm: Tool = async (p) => {
  const argv = p.argv.slice(1);
  const prog = helmProgram(p.env);
  if (argv[0] === 'help') {
    p.out(helpCommand(prog, argv.slice(1)).out);
    return 0;
  }
  const { path, rest } = commandPath(prog, argv);
  const key = path.slice(1).map(nameOf).join(' ');
  const leaf = path[path.length - 1] as CobraCommand;
  if (HELPED.has(key) && (wantsHelp(rest) || !leaf.runnable)) {
    p.out(helpOf(prog, path));
    return 0;
  }
  const cmd = COMMANDS[key];
  if (!cmd) {
    const word = key === '' ? rest.find((a) => !a.startsWith('-')) : key;
    p.err(`Error: unknown command "${word}" for "helm"\nRun 'helm --help' for usage.\n`);
    return 1;
  }
  try {
    const f = parseFlags(rest, [...(prog.root.persistentFlags ?? []), ...(leaf.flags ?? [])].map(specOf));
    const modelled = new Set([...GLOBAL_FLAGS, ...cmd.flags].map((s) => s.name));
    const extra = [...f.values.keys()].find((n) => !modelled.has(n));
    if (extra !== undefined) throw new HelmError(`flag --${extra} is not emulated by ciliumlab`);
    const n = f.args.length;
    if (cmd.args !== 'any' && n !== cmd.args) {
      const what = cmd.args === 0 ? 'accepts no arguments' : `requires ${cmd.args} ${pluralize(cmd.args)}`;
      throw new HelmError(`"helm ${key}" ${what}\n\nUsage:  ${cmd.use}`);
    }
    return cmd.run(p, f, flagValue(f, 'namespace') ?? 'default');
  } catch (e) {
    if (e instanceof HelmError || e instanceof FlagError) {
      p.err(`Error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
};

export const commands: Record<string, Tool> = { helm };
