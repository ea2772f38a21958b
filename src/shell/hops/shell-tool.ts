// Layer shell: bash, sh, ash and zsh as commands — `bash -c 'text' [name args...]`, `sh script.sh`,
// `bash < file`, and a bare shell on a terminal (kubectl exec -it POD -- bash) that opens an interactive
// shell until `exit`. The commands of `-c` text run in their own job, which takes this process's signals.

import type { Tool } from '../../tools/process.js';
import { resolvePath } from '../hosts/host-fs.js';
import { Job } from '../interp/job.js';
import type { ShellFlavor } from '../interp/runtime.js';
import { LabProcess } from '../session/lab-process.js';
import type { LabSession } from '../session/session.js';
import { Shell } from '../session/shell.js';
import { openShell } from './run-as.js';

export function shellTool(session: LabSession, flavor: ShellFlavor): Tool {
  return async (p) => {
    if (!(p instanceof LabProcess)) return 126;
    const self = p.argv[0]?.replace(/^.*\//, '') ?? flavor;
    const args = p.argv.slice(1);
    let text: string | undefined;
    let name = self;
    let positional: string[] = [];
    let isLogin = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a === '-c') {
        text = args[i + 1];
        if (text === undefined) {
          p.err(`${self}: -c: option requires an argument\n`);
          return 2;
        }
        name = args[i + 2] ?? self;
        positional = args.slice(i + 3);
        break;
      }
      if (a === '-l' || a === '--login' || /^-[il]*l[il]*$/.test(a)) isLogin = true;
      else if (a.startsWith('-')) continue;
      else {
        text = p.host.readFile(resolvePath(p.cwd, a));
        if (text === undefined) {
          p.err(`${self}: ${a}: No such file or directory\n`);
          return 127;
        }
        name = a;
        positional = args.slice(i + 1);
        break;
      }
    }
    if (text === undefined) {
      const hop = openShell(p, p.init.labHost, p.init.user, { isLogin, env: p.env });
      if (hop) return hop;
      text = await p.stdin.readAll();
    }
    const sh = new Shell(session, p.init.labHost, p.init.user, { flavor, isInteractive: false, name, terminal: p.init.terminal });
    sh.importEnv(p.env);
    sh.state.cwd = p.cwd;
    sh.state.positional = positional;
    const child = new Job(text, sh.state.pid);
    p.forwardTo = child;
    return sh.runText(text, p.io, child);
  };
}
