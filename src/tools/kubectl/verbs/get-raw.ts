// Layer tools (kubectl): `kubectl get --raw PATH` (get.go's Complete/Validate and rawhttp.RawGet): the
// response body exactly as the apiserver sends it — "ok" (no newline) from /healthz, /livez and /readyz,
// version.Info indented by two spaces from /version; a path the lab does not serve is refused as such.

import { K8sError } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError } from '../cli/errors.js';
import { versionInfo } from './version.js';

export async function rawGet(ctx: Ctx, args: readonly string[]): Promise<void> {
  const f = ctx.flags;
  if (args.length > 0) throw new KubectlError('arguments may not be passed when --raw is specified');
  if (f.bool('watch') || f.bool('watch-only') || f.string('selector') !== '') throw new KubectlError('--raw may not be specified with other flags that filter the server request or alter the output');
  if (f.string('output') !== '') throw new KubectlError('--raw and --output are mutually exclusive');
  const raw = f.string('raw');
  if (!raw.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(raw)) throw new KubectlError(`--raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`);
  ctx.api();
  const path = raw.split('?')[0] ?? raw;
  if (['/healthz', '/livez', '/readyz'].includes(path)) return ctx.out('ok');
  if (path === '/version') return ctx.out(JSON.stringify(versionInfo(ctx.lab.spec.kubernetes.version, true), null, 2));
  if (path.startsWith('/api') || path.startsWith('/openapi') || path.startsWith('/metrics')) throw new KubectlError(`kubectl get --raw ${path}: this path is not modelled (only /healthz, /livez, /readyz and /version are)`);
  throw new K8sError('NotFound', 'the server could not find the requested resource');
}
