// Layer tools (kubectl): `kubectl run -i [-t] [--rm]`: wait for the pod to be running and ready, then
// "attach" — the lab runs the container's command (its command and args, or netshoot's zsh) on the
// terminal through Process.execOn — and with --rm delete the pod (`pod "NAME" deleted`). The exit code
// follows run.go: non-zero from a Never/OnFailure pod is `pod NS/NAME terminated (Error)`.

import { isPodReady, type Pod } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { ExitStatusError, KubectlError, interrupted } from '../cli/errors.js';
import { podExecHost } from './pod-exec-host.js';

/** The default command of the images whose entrypoint the lab models (netshoot: CMD ["zsh"]). */
function defaultCommand(image: string): string[] | undefined {
  return image.includes('nicolaka/netshoot') ? ['zsh'] : undefined;
}

export async function attachRun(ctx: Ctx, name: string, restart: string): Promise<void> {
  const api = ctx.api();
  const ns = ctx.namespace();
  const pod = (): Pod | undefined => api.tryGet('Pod', ns, name);
  const ready = (): boolean => {
    const p = pod();
    return p === undefined || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed' || (p.status?.phase === 'Running' && isPodReady(p));
  };
  try {
    await ctx.p.until(() => ready() || ctx.p.isInterrupted, ctx.flags.durationUs('pod-running-timeout'));
    if (ctx.p.isInterrupted) throw interrupted();
    const p = pod();
    if (p === undefined) throw new KubectlError(`pods "${name}" not found`);
    if (!ready()) throw new KubectlError('timed out waiting for the condition');
    const c = p.spec.containers[0];
    const argv = [...(c?.command ?? []), ...(c?.args ?? [])];
    const command = argv.length > 0 ? argv : defaultCommand(c?.image ?? '');
    if (command === undefined) throw new KubectlError(`attaching to image ${JSON.stringify(c?.image ?? '')} is not modelled: give the command after --`);
    let tty = ctx.flags.bool('tty');
    if (tty && !ctx.p.stdin.isTty) {
      tty = false;
      if (!ctx.flags.bool('quiet')) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    }
    if (!ctx.flags.bool('quiet')) ctx.err("If you don't see a command prompt, try pressing enter.\n");
    const host = ctx.p.findHost?.({ kind: 'pod', namespace: ns, name, container: c?.name ?? name }) ?? podExecHost(ctx.lab, p, c?.name ?? name);
    const stdin = ctx.flags.bool('stdin') ? ctx.p.stdin : { isTty: false, readAll: async () => '', chunks: async function* () {} };
    const r = await ctx.p.execOn(host, command, { stdin, isTty: tty });
    if (tty && ctx.flags.bool('stdin') && restart === 'Always' && !ctx.flags.bool('quiet')) {
      ctx.out(`Session ended, resume using 'kubectl attach ${name} -c ${c?.name ?? name} -i -t' command when the pod is running\n`);
    }
    if (r.exitCode !== 0 && restart !== 'Always') throw new ExitStatusError(r.exitCode, `pod ${ns}/${name} terminated (Error)\n`);
  } finally {
    if (ctx.flags.bool('rm') && api.tryGet('Pod', ns, name)) {
      api.delete('Pod', ns, name);
      ctx.out(`pod "${name}" deleted\n`);
    }
    if (ctx.flags.bool('rm') && ctx.flags.bool('expose') && api.tryGet('Service', ns, name)) {
      api.delete('Service', ns, name);
      ctx.out(`service "${name}" deleted\n`);
    }
  }
}
