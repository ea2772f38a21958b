// Layer tools (kubectl): `kubectl api-resources` (kubectl/pkg/cmd/apiresources): the apiserver's discovery —
// NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND (-o wide adds VERBS, CATEGORIES; -o name "plural.group"),
// sorted by group then name, filtered by --namespaced, --api-group, --verbs, --categories.

import type { ResourceType } from '../../../k8s/index.js';
import { apiVersionOf } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { KubectlError } from '../cli/errors.js';
import { Tabwriter } from '../text/tabwriter.js';

/** The verbs discovery reports (the generic registry's REST storage supports all of them). */
function verbsOf(rt: ResourceType): string[] {
  const all = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
  return rt.kind === 'Namespace' ? all.filter((v) => v !== 'deletecollection') : all;
}

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [
    { name: 'no-headers', kind: 'bool' }, { name: 'output', short: 'o', kind: 'string' }, { name: 'api-group', kind: 'string' }, { name: 'namespaced', kind: 'bool', def: 'true' },
    { name: 'verbs', kind: 'stringSlice' }, { name: 'sort-by', kind: 'string' }, { name: 'cached', kind: 'bool' }, { name: 'categories', kind: 'stringSlice' },
  ],
  run: async (ctx) => {
    const f = ctx.flags;
    const output = f.string('output');
    if (output !== '' && output !== 'wide' && output !== 'name') throw new KubectlError(`--output ${output} is not available`);
    const sortBy = f.string('sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`--sort-by accepts only name or kind`);
    const list = ctx.api().registry.list().filter((rt) => {
      if (f.changed.has('api-group') && rt.group !== f.string('api-group')) return false;
      if (f.changed.has('namespaced') && rt.namespaced !== f.bool('namespaced')) return false;
      if (f.strings('verbs').some((v) => !verbsOf(rt).includes(v))) return false;
      return f.strings('categories').every((c) => rt.categories.includes(c));
    });
    const key = (rt: ResourceType): string => (sortBy === 'name' ? rt.plural : sortBy === 'kind' ? rt.kind : rt.group);
    const sorted = list.map((rt, i) => ({ rt, i })).sort((a, b) => (key(a.rt) < key(b.rt) ? -1 : key(a.rt) > key(b.rt) ? 1 : a.rt.plural < b.rt.plural ? -1 : a.rt.plural > b.rt.plural ? 1 : a.i - b.i)).map((x) => x.rt);
    const tw = new Tabwriter((s) => ctx.out(s));
    if (!f.bool('no-headers') && output !== 'name') tw.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${output === 'wide' ? '\tVERBS\tCATEGORIES' : ''}\n`);
    for (const rt of sorted) {
      if (output === 'name') tw.write(`${rt.plural}${rt.group ? `.${rt.group}` : ''}\n`);
      else tw.write(`${rt.plural}\t${rt.shortNames.join(',')}\t${apiVersionOf(rt)}\t${rt.namespaced}\t${rt.kind}${output === 'wide' ? `\t${verbsOf(rt).join(',')}\t${rt.categories.join(',')}` : ''}\n`);
    }
    tw.flush();
  },
};
