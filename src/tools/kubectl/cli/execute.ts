// Layer tools (kubectl): running a command line as cobra's ExecuteC and kubectl's main do — find the command,
// reject an unknown one on the root, parse the flags (errors end with "See '<cmd> --help' for usage."), run,
// and turn any error into CheckErr's text and exit code.

import type { Process } from '../../process.js';
import { checkErr } from './check-err.js';
import { commandPath, findCommand, helpText, unknownCommandMessage, type Command } from './command.js';
import { Ctx } from './context.js';
import { KubectlError, usageError } from './errors.js';
import { FlagError, FlagSet, type FlagDef } from './flag-set.js';
import { loadKubeconfig } from './kubeconfig.js';

function flagSetFor(path: readonly Command[], globals: readonly FlagDef[]): FlagSet {
  const fs = new FlagSet().add(...globals);
  for (const c of [...path].reverse()) fs.add(...(c.flags ?? []));
  return fs;
}

/** @example await execute(p, kubectlRoot, GLOBAL_FLAGS) */
export async function execute(p: Process, root: Command, globals: readonly FlagDef[]): Promise<number> {
  const found = findCommand(root, p.argv.slice(1), (path, flag, isShort) => {
    const fs = flagSetFor(path, globals);
    return isShort ? fs.takesValue(flag, true) : !fs.has(flag) || fs.takesValue(flag, false);
  });
  const path = found.path;
  const cmd = path[path.length - 1] ?? root;
  const cmdPath = commandPath(path);
  const flags = flagSetFor(path, globals);
  try {
    let parsed;
    try {
      parsed = flags.parse(found.args);
    } catch (e) {
      if (e instanceof FlagError && e.isHelp) {
        p.out(helpText(path));
        return 0;
      }
      if (e instanceof FlagError) throw new KubectlError(`${e.message}\nSee '${cmdPath} --help' for usage.`);
      throw e;
    }
    if (!cmd.run) {
      if (parsed.args.length > 0 && path.length === 1) throw new KubectlError(unknownCommandMessage(cmd, cmdPath, parsed.args[0] ?? ''));
      if (parsed.args.length > 0) throw usageError(cmdPath, `unknown command ${JSON.stringify(parsed.args.join(' '))}`);
      if (path.length === 1) {
        p.out(helpText(path));
        return 0;
      }
      p.err(helpText(path));
      return 1;
    }
    await cmd.run(new Ctx(p, flags, cmdPath, loadKubeconfig(p), parsed.argsLenAtDash), parsed.args);
    return 0;
  } catch (e) {
    const r = checkErr(e);
    p.err(r.text);
    return r.exitCode;
  }
}
