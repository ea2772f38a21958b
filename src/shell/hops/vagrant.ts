// Layer shell: the `vagrant` commands a user runs from the workstation next to the Vagrantfile: status
// (Vagrant's column layout: the name padded to 25, then "running (virtualbox)"), ssh NAME [-c CMD]
// (a root login shell, as the boxes' .bashrc runs `sudo su -`), and up (machines already running).

import type { Tool } from '../../tools/process.js';
import { LabProcess } from '../session/lab-process.js';
import type { LabSession } from '../session/session.js';
import { openShell, runCommandText } from './run-as.js';
import { banner } from './ssh.js';

const MULTI_VM_NOTE = 'This environment represents multiple VMs. The VMs are all listed\nabove with their current state. For more information about a specific\nVM, run `vagrant status NAME`.\n';
const ONE_VM_NOTE = 'The VM is running. To stop this VM, you can run `vagrant halt` to\nshut it down forcefully, or you can run `vagrant suspend` to simply\nsuspend the virtual machine. In either case, to restart it again,\nsimply run `vagrant up`.\n';

export function vagrantTool(session: LabSession): Tool {
  return async (p) => {
    if (!(p instanceof LabProcess)) return 1;
    const names = session.lab.spec.hosts.map((h) => h.name);
    const [sub, ...rest] = p.argv.slice(1);
    const unknown = rest.find((n) => !n.startsWith('-') && !names.includes(n));
    if (unknown !== undefined && sub !== 'ssh') return notFound(p, unknown);
    switch (sub) {
      case 'status':
      case undefined: {
        if (sub === undefined) {
          p.out('Usage: vagrant [options] <command> [<args>]\n');
          return 1;
        }
        const shown = rest.length > 0 ? rest : names;
        const width = Math.max(25, ...shown.map((n) => n.length));
        p.out(`Current machine states:\n\n${shown.map((n) => `${n.padEnd(width)} running (virtualbox)`).join('\n')}\n\n${shown.length === 1 ? ONE_VM_NOTE : MULTI_VM_NOTE}`);
        return 0;
      }
      case 'up':
        for (const n of rest.length > 0 ? rest : names) p.out(`Bringing machine '${n}' up with 'virtualbox' provider...\n`);
        for (const n of rest.length > 0 ? rest : names) p.out(`==> ${n}: Machine already provisioned. Run \`vagrant provision\` or use the \`--provision\`\n==> ${n}: flag to force provisioning. Provisioners marked to run always will still run.\n`);
        return 0;
      case 'ssh':
        return ssh(session, p, rest, names);
      default:
        p.err(`The command "vagrant ${sub}" is not available in ciliumlab (status, ssh and up are).\n`);
        return 1;
    }
  };
}

async function ssh(session: LabSession, p: LabProcess, args: string[], names: string[]): Promise<number> {
  const c = args.indexOf('-c');
  const cmd = c >= 0 ? args[c + 1] : undefined;
  const name = args.filter((a, i) => !a.startsWith('-') && (c < 0 || i !== c + 1))[0];
  if (name === undefined) {
    p.err('This command requires a specific VM name to target in a multi-VM environment.\n');
    return 1;
  }
  if (!names.includes(name)) return notFound(p, name);
  const host = session.hosts.vm(name);
  if (!host) return notFound(p, name);
  if (cmd !== undefined) return runCommandText(session, p, host, 'vagrant', cmd);
  const hop = openShell(p, host, 'root', { isLogin: true });
  if (!hop) {
    p.err('Pseudo-terminal will not be allocated because stdin is not a terminal.\n');
    return runCommandText(session, p, host, 'vagrant', await p.stdin.readAll());
  }
  p.out(banner(session, host));
  const code = await hop;
  p.err('Connection to 127.0.0.1 closed.\n');
  return code;
}

function notFound(p: LabProcess, name: string): number {
  p.err(`The machine with the name '${name}' was not found configured for\nthis Vagrant environment.\n`);
  return 1;
}
