// Layer shell: OpenSSH's client and sshpass, as far as the lab uses them. The destination is resolved
// through the origin's /etc/hosts (only k8s-ctr knows the lab names); a host not yet in
// ~/.ssh/known_hosts needs `-o StrictHostKeyChecking=no` (which adds it with OpenSSH's warning) or fails
// with "Host key verification failed." (255; sshpass exits 6). With a command, it runs `bash -c` as the
// remote user; without one, the Vagrant user's .bashrc (`sudo su -`) gives an interactive root shell.

import { sha256 } from '@noble/hashes/sha2.js';
import { parseIpv4 } from '../../addr/index.js';
import type { Tool } from '../../tools/process.js';
import type { LabHost } from '../hosts/lab-host.js';
import { LabProcess } from '../session/lab-process.js';
import type { LabSession } from '../session/session.js';
import { openShell, runCommandText } from './run-as.js';

const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]
`;

/** Options taking a value, in OpenSSH's getopt string. */
const WITH_VALUE = new Set(['B', 'b', 'c', 'D', 'E', 'e', 'F', 'I', 'i', 'J', 'L', 'l', 'm', 'O', 'o', 'P', 'p', 'R', 'S', 'W', 'w']);

interface SshArgs {
  readonly options: Map<string, string>;
  readonly user: string | undefined;
  readonly destination: string;
  readonly command: string[];
}

function parseArgs(argv: readonly string[]): SshArgs | string {
  const options = new Map<string, string>();
  let login: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('-') || a === '-') break;
    for (let k = 1; k < a.length; k++) {
      const f = a[k] ?? '';
      if (!WITH_VALUE.has(f)) {
        if (!/[46AaCfGgKkMNnqsTtVvXxYy]/.test(f)) return `ssh: illegal option -- ${f}\n${USAGE}`;
        continue;
      }
      const v = a.slice(k + 1) || argv[++i];
      if (v === undefined) return `ssh: option requires an argument -- ${f}\n${USAGE}`;
      if (f === 'o') {
        const m = /^([A-Za-z]+)\s*[= ]\s*(.*)$/.exec(v);
        if (m) options.set((m[1] ?? '').toLowerCase(), m[2] ?? '');
      } else if (f === 'l') login = v;
      break;
    }
  }
  const dest = argv[i];
  if (dest === undefined) return USAGE;
  const at = dest.lastIndexOf('@');
  return { options, user: at >= 0 ? dest.slice(0, at) : login, destination: at >= 0 ? dest.slice(at + 1) : dest, command: argv.slice(i + 1) as string[] };
}

/** The address of `name` from the origin's /etc/hosts, or the name itself when it is an address. */
function resolveName(origin: LabHost, name: string): string | undefined {
  if (parseIpv4(name) !== undefined) return name;
  for (const line of (origin.fs.read('/etc/hosts') ?? '').split('\n')) {
    const [addr, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (addr !== undefined && names.includes(name) && parseIpv4(addr) !== undefined) return addr;
  }
  return undefined;
}

export interface SshCall {
  /** Set by sshpass: the password it types at the prompt. */
  readonly password?: string;
}

/** Runs ssh; with sshpass, its exit codes (5 wrong password, 6 unknown host key) apply. */
export async function runSsh(session: LabSession, p: LabProcess, argv: readonly string[], call: SshCall = {}): Promise<number> {
  const a = parseArgs(argv);
  if (typeof a === 'string') {
    p.err(a);
    return 255;
  }
  const origin = p.init.labHost;
  const addr = resolveName(origin, a.destination);
  if (addr === undefined) {
    p.err(`ssh: Could not resolve hostname ${a.destination}: Temporary failure in name resolution\n`);
    return 255;
  }
  const ip = parseIpv4(addr);
  const target = ip === undefined ? undefined : origin.init.netns?.isLocalAddr(ip) && origin.kind === 'vm' ? origin : session.hosts.vmByAddress(ip);
  if (!target) {
    p.err(`ssh: connect to host ${a.destination} port 22: Connection timed out\n`);
    return 255;
  }
  const known = knownHostsCheck(p, origin, a, addr, { isQuiet: call.password !== undefined });
  if (known !== undefined) return call.password !== undefined ? 6 : known;
  const user = a.user ?? p.init.user;
  if (user !== 'vagrant' || (call.password !== undefined && call.password !== 'vagrant')) {
    if (call.password !== undefined) return 5;
    p.err(`${user}@${a.destination}: Permission denied (publickey,password).\n`);
    return 255;
  }
  if (a.command.length > 0) return runCommandText(session, p, target, user, a.command.join(' '));
  const hop = openShell(p, target, 'root', { isLogin: true });
  if (!hop) {
    p.err('Pseudo-terminal will not be allocated because stdin is not a terminal.\n');
    return runCommandText(session, p, target, user, await p.stdin.readAll());
  }
  p.out(banner(session, target));
  const code = await hop;
  p.err(`Connection to ${a.destination} closed.\n`);
  return code;
}

/** undefined when the host key is known (or now accepted); else the exit status of the failure. */
function knownHostsCheck(p: LabProcess, origin: LabHost, a: SshArgs, addr: string, opts: { isQuiet: boolean }): number | undefined {
  const file = `${origin.homeOf(p.init.user)}/.ssh/known_hosts`;
  const text = origin.fs.read(file) ?? '';
  if (text.split('\n').some((l) => l.split(' ')[0]?.split(',').includes(a.destination))) return undefined;
  const strict = (a.options.get('stricthostkeychecking') ?? 'ask').toLowerCase();
  if (strict === 'no' || strict === 'accept-new' || strict === 'off') {
    origin.fs.mkdirp(`${origin.homeOf(p.init.user)}/.ssh`);
    origin.fs.write(file, `${a.destination} ssh-ed25519 ${hostKey(p, a.destination)}\n`, { append: true });
    p.err(`Warning: Permanently added '${a.destination}' (ED25519) to the list of known hosts.\n`);
    return undefined;
  }
  if (opts.isQuiet) return 255;
  if (p.stdin.isTty) {
    p.err(`The authenticity of host '${a.destination} (${addr})' can't be established.\nED25519 key fingerprint is SHA256:${fingerprint(p, a.destination)}.\nThis key is not known by any other names.\nAre you sure you want to continue connecting (yes/no/[fingerprint])? \n`);
  }
  p.err('Host key verification failed.\n');
  return 255;
}

function hostKey(p: LabProcess, host: string): string {
  return base64(sha256(new TextEncoder().encode(`ssh-host-key/${p.lab.seed}/${host}`))).slice(0, 68);
}

function fingerprint(p: LabProcess, host: string): string {
  return base64(sha256(new TextEncoder().encode(hostKey(p, host)))).replace(/=+$/, '');
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Ubuntu's login banner on the bento box (the parts that do not change with time). */
export function banner(session: LabSession, host: LabHost): string {
  const spec = session.lab.spec.hosts.find((h) => h.name === host.name);
  const os = spec?.os ?? 'Ubuntu 24.04.2 LTS';
  const release = spec?.kernel.release ?? '6.8.0-53-generic';
  return `Welcome to ${os} (GNU/Linux ${release} x86_64)\n\n * Documentation:  https://help.ubuntu.com\n * Management:     https://landscape.canonical.com\n * Support:        https://ubuntu.com/pro\n\nThis system is built by the Bento project by Chef Software\nMore information can be found at https://github.com/chef/bento\n`;
}

export function sshTool(session: LabSession): Tool {
  return (p) => (p instanceof LabProcess ? runSsh(session, p, p.argv.slice(1)) : Promise.resolve(255));
}

/** sshpass -p PASS | -e | -f FILE  command...: types the password at ssh's prompt. */
export function sshpassTool(session: LabSession): Tool {
  return async (p) => {
    if (!(p instanceof LabProcess)) return 1;
    const args = p.argv.slice(1);
    let password: string | undefined;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a.startsWith('-p')) password = a.length > 2 ? a.slice(2) : args[++i];
      else if (a === '-e') password = p.env.get('SSHPASS');
      else if (a.startsWith('-f')) password = p.host.readFile(a.length > 2 ? a.slice(2) : (args[++i] ?? ''))?.split('\n')[0];
      else if (a === '-v') continue;
      else break;
    }
    const cmd = args.slice(i);
    if (cmd.length === 0 || password === undefined) {
      p.err('Usage: sshpass [-f|-d|-p|-e[env_var]] [-hV] command parameters\n');
      return 1;
    }
    if (cmd[0] !== 'ssh') {
      p.err(`sshpass: Failed to run command: No such file or directory\n`);
      return 3;
    }
    return runSsh(session, p, cmd.slice(1), { password });
  };
}
