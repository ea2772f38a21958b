// Layer tools (kubectl): `kubectl config` (kubectl/pkg/cmd/config) on the host's kubeconfig: current-context,
// get-contexts, use-context, set-context [--current] [--namespace], rename-context, get-clusters, get-users,
// view (credentials shown as DATA+OMITTED / REDACTED unless --raw; --minify keeps the current context).

import type { Command } from '../cli/command.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError, usageError } from '../cli/errors.js';
import { saveKubeconfig, type Kubeconfig } from '../cli/kubeconfig.js';
import { Tabwriter } from '../text/tabwriter.js';
import { goYaml } from '../text/go-yaml.js';

function config(ctx: Ctx): Kubeconfig {
  return ctx.kubeconfig ?? { apiVersion: 'v1', kind: 'Config', clusters: [], contexts: [], 'current-context': '', preferences: {}, users: [] };
}

function table(ctx: Ctx, lines: string[]): void {
  const tw = new Tabwriter((s) => ctx.out(s));
  tw.write(lines.join(''));
  tw.flush();
}

const currentContext: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  run: async (ctx) => {
    const cur = config(ctx)['current-context'];
    if (!cur) throw new KubectlError('current-context is not set');
    ctx.out(`${cur}\n`);
  },
};

const getContexts: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  flags: [{ name: 'no-headers', kind: 'bool' }, { name: 'output', short: 'o', kind: 'string' }],
  run: async (ctx, args) => {
    const cfg = config(ctx);
    const nameOnly = ctx.flags.string('output') === 'name';
    if (ctx.flags.string('output') && !nameOnly) throw new KubectlError(`--output ${ctx.flags.string('output')} is not available in kubectl config get-contexts; resetting to default output format`);
    const wanted = args.length > 0 ? args : cfg.contexts.map((c) => c.name).sort();
    const missing = wanted.filter((n) => !cfg.contexts.some((c) => c.name === n));
    const lines = ctx.flags.bool('no-headers') || nameOnly ? [] : ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n'];
    for (const name of wanted.filter((n) => !missing.includes(n))) {
      const c = cfg.contexts.find((x) => x.name === name)?.context;
      lines.push(nameOnly ? `${name}\n` : `${name === cfg['current-context'] ? '*' : ' '}\t${name}\t${c?.cluster ?? ''}\t${c?.user ?? ''}\t${c?.namespace ?? ''}\n`);
    }
    table(ctx, lines);
    if (missing.length > 0) throw new KubectlError(missing.map((n) => `context ${n} not found`).join(', '));
  },
};

const useContext: Command = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  run: async (ctx, args) => {
    if (args.length !== 1) throw usageError(ctx.path, `Unexpected args: [${args.join(' ')}]`);
    const cfg = config(ctx);
    const name = args[0] ?? '';
    if (!cfg.contexts.some((c) => c.name === name)) throw new KubectlError(`no context exists with the name: ${JSON.stringify(name)}`);
    saveKubeconfig(ctx.p, { ...cfg, 'current-context': name });
    ctx.out(`Switched to context ${JSON.stringify(name)}.\n`);
  },
};

const setContext: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: [{ name: 'current', kind: 'bool' }, { name: 'cluster', kind: 'string' }, { name: 'user', kind: 'string' }, { name: 'namespace', kind: 'string' }],
  run: async (ctx, args) => {
    const cfg = config(ctx);
    if (args.length > 1 || (args.length === 0 && !ctx.flags.bool('current'))) throw usageError(ctx.path, `Unexpected args: [${args.join(' ')}]`);
    if (args.length === 1 && ctx.flags.bool('current')) throw new KubectlError('you cannot specify both a context name and --current');
    const name = ctx.flags.bool('current') ? cfg['current-context'] : (args[0] ?? '');
    if (!name) throw new KubectlError('no current context is set');
    const existing = cfg.contexts.find((c) => c.name === name);
    const base = existing?.context ?? { cluster: '', user: '' };
    const f = ctx.flags;
    const next = {
      cluster: f.changed.has('cluster') ? f.string('cluster') : base.cluster,
      user: f.changed.has('user') ? f.string('user') : base.user,
      ...((f.changed.has('namespace') ? f.string('namespace') : base.namespace) ? { namespace: f.changed.has('namespace') ? f.string('namespace') : (base.namespace ?? '') } : {}),
    };
    const contexts = existing ? cfg.contexts.map((c) => (c.name === name ? { name, context: next } : c)) : [...cfg.contexts, { name, context: next }];
    saveKubeconfig(ctx.p, { ...cfg, contexts });
    ctx.out(`Context ${JSON.stringify(name)} ${existing ? 'modified' : 'created'}.\n`);
  },
};

const renameContext: Command = {
  name: 'rename-context',
  short: 'Rename a context from the kubeconfig file',
  run: async (ctx, args) => {
    if (args.length !== 2) throw usageError(ctx.path, `Unexpected args: [${args.join(' ')}]`);
    const [from = '', to = ''] = args;
    const cfg = config(ctx);
    const file = ctx.p.env.get('KUBECONFIG') ?? `${ctx.p.env.get('HOME') ?? '/root'}/.kube/config`;
    if (!cfg.contexts.some((c) => c.name === from)) throw new KubectlError(`cannot rename the context ${JSON.stringify(from)}, it's not in ${file}`);
    if (cfg.contexts.some((c) => c.name === to)) throw new KubectlError(`cannot rename the context ${JSON.stringify(from)}, the context ${JSON.stringify(to)} already exists in ${file}`);
    saveKubeconfig(ctx.p, { ...cfg, contexts: cfg.contexts.map((c) => (c.name === from ? { ...c, name: to } : c)), 'current-context': cfg['current-context'] === from ? to : cfg['current-context'] });
    ctx.out(`Context ${JSON.stringify(from)} renamed to ${JSON.stringify(to)}.\n`);
  },
};

const listNames = (name: string, header: string, pick: (cfg: Kubeconfig) => string[]): Command => ({
  name,
  short: `Display ${header.toLowerCase()}s defined in the kubeconfig`,
  run: async (ctx) => ctx.out(`${header}\n${pick(config(ctx)).map((n) => `${n}\n`).join('')}`),
});

const view: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [{ name: 'raw', kind: 'bool' }, { name: 'minify', kind: 'bool' }, { name: 'flatten', kind: 'bool' }, { name: 'output', short: 'o', kind: 'string', def: 'yaml' }],
  run: async (ctx) => {
    let cfg = config(ctx);
    if (ctx.flags.bool('minify')) {
      const cur = cfg.contexts.find((c) => c.name === cfg['current-context']);
      if (!cur) throw new KubectlError('current-context must exist in order to minify');
      cfg = { ...cfg, contexts: [cur], clusters: cfg.clusters.filter((c) => c.name === cur.context.cluster), users: cfg.users.filter((u) => u.name === cur.context.user) };
    }
    if (!ctx.flags.bool('raw')) {
      cfg = {
        ...cfg,
        clusters: cfg.clusters.map((c) => ({ ...c, cluster: { ...c.cluster, ...(c.cluster['certificate-authority-data'] !== undefined ? { 'certificate-authority-data': 'DATA+OMITTED' } : {}) } })),
        users: cfg.users.map((u) => ({ ...u, user: Object.fromEntries(Object.entries(u.user).map(([k, v]) => [k, k.endsWith('-data') ? 'DATA+OMITTED' : k === 'token' ? 'REDACTED' : v])) })),
      };
    }
    ctx.out(ctx.flags.string('output') === 'json' ? `${JSON.stringify(cfg, null, 4)}\n` : goYaml(cfg));
  },
};

export const configCommand: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND [options]',
  subcommands: [
    currentContext, getContexts, listNames('get-clusters', 'NAME', (c) => c.clusters.map((x) => x.name)), listNames('get-users', 'NAME', (c) => c.users.map((x) => x.name)),
    renameContext, setContext, useContext, view,
  ],
};
