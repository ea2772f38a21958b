// Layer shell: sudo and su. Everyone in the lab may become root without a password (the Vagrant user has
// NOPASSWD sudo): `sudo CMD` runs CMD as root in the same place, `sudo -i`, `sudo su -` and `su -` open
// a root login shell on the terminal. Unknown commands get sudo's "sudo: foo: command not found".

import type { Tool } from '../../tools/process.js';
import { LabProcess } from '../session/lab-process.js';
import type { LabSession } from '../session/session.js';
import { openShell, runArgv } from './run-as.js';

export function sudoTool(session: LabSession): Tool {
  return async (p) => {
    if (!(p instanceof LabProcess)) return 1;
    const args = p.argv.slice(1);
    let user = 'root';
    let isLogin = false;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a === '-u') user = args[++i] ?? 'root';
      else if (a === '-i' || a === '-s') isLogin = true;
      else if (a === '--') {
        i++;
        break;
      } else if (!a.startsWith('-')) break;
    }
    const cmd = args.slice(i);
    if (cmd.length === 0) {
      if (isLogin) return (await openShell(p, p.init.labHost, user, { isLogin: true })) ?? 1;
      p.err('usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]\n            [-u user] [command [arg ...]]\nusage: sudo [-ABbEHkNnPS] [-C num] [-D directory] [-g group] [-h host] [-p\n            prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s]\n            [command [arg ...]]\nusage: sudo -e [-ABkNnS] [-C num] [-D directory] [-g group] [-h host] [-p\n            prompt] [-R directory] [-T timeout] [-u user] file ...\n');
      return 1;
    }
    const code = await runArgv(session, p, p.init.labHost, user, cmd, p.env);
    if (code < 0) {
      p.err(`sudo: ${cmd[0]}: command not found\n`);
      return 1;
    }
    return code;
  };
}

export function suTool(): Tool {
  return async (p) => {
    if (!(p instanceof LabProcess)) return 1;
    const args = p.argv.slice(1);
    const isLogin = args.some((a) => a === '-' || a === '-l' || a === '--login');
    const user = args.find((a) => !a.startsWith('-')) ?? 'root';
    const hop = openShell(p, p.init.labHost, user, { isLogin });
    if (!hop) {
      p.err('su: must be run from a terminal\n');
      return 1;
    }
    return hop;
  };
}
