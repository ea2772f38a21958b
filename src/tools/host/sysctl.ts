// Layer tools (host): procps-ng 4.0 `sysctl`: read keys ("key = value", -n values only), write them
// (key=value, -w, -q), -a to list every key, -p [FILE] to load a file (default /etc/sysctl.conf), with
// procps's messages for unknown keys, bad syntax and rejected values. Keys are the host namespace's.

import type { Netns } from '../../net/netns.js';
import { normalizeKey } from '../../net/sysctl.js';
import type { Process, Tool } from '../process.js';
import { parseCInteger } from '../c-integer.js';

/** procps-ng 4.0's usage text (sysctl with no arguments). */
const USAGE = "\nUsage:\n sysctl [options] [variable[=value] ...]\n\nOptions:\n  -a, --all            display all variables\n  -A                   alias of -a\n  -X                   alias of -a\n      --deprecated     include deprecated parameters to listing\n      --dry-run        Print the key and values but do not write\n  -b, --binary         print value without new line\n  -e, --ignore         ignore unknown variables errors\n  -N, --names          print variable names without values\n  -n, --values         print only values of the given variable(s)\n  -p, --load[=<file>]  read values from file\n  -f                   alias of -p\n      --system         read values from all system directories\n  -r, --pattern <expression>\n                       select setting that match expression\n  -q, --quiet          do not echo variable set\n  -w, --write          enable writing a value to variable\n  -o                   does nothing\n  -x                   does nothing\n  -d                   alias of -h\n\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see sysctl(8).\n";

interface SysctlOpts {
  valuesOnly: boolean;
  quiet: boolean;
  ignoreUnknown: boolean;
  write: boolean;
}

/** Keys the kernel answers for the whole machine, derived from its state. */
function machineKeys(p: Process): Map<string, string> {
  const m = new Map<string, string>();
  m.set('kernel.hostname', p.host.hostname);
  const release = p.host.machine?.kernelRelease;
  if (release) m.set('kernel.osrelease', release);
  return m;
}

function read(p: Process, ns: Netns, key: string): string | undefined {
  return ns.sysctl.get(key) ?? machineKeys(p).get(normalizeKey(key));
}

function show(p: Process, o: SysctlOpts, key: string, value: string): void {
  p.out(o.valuesOnly ? `${value}\n` : `${normalizeKey(key)} = ${value}\n`);
}

/** proc_dointvec's number: a base-0 integer without a '+' (which the kernel refuses). */
function kernelInteger(x: string): number | undefined {
  return x.startsWith('+') ? undefined : parseCInteger(x);
}


/** Writes one key; returns false after printing procps's error. */
function write(p: Process, ns: Netns, o: SysctlOpts, key: string, value: string): boolean {
  const k = normalizeKey(key.trim());
  const v = value.trim();
  const cur = ns.sysctl.get(k);
  if (cur === undefined) {
    if (!o.ignoreUnknown) p.err(`sysctl: cannot stat /proc/sys/${k.replace(/\./g, '/')}: No such file or directory\n`);
    return o.ignoreUnknown;
  }
  const numeric = /^-?\d+(\t-?\d+)*$/.test(cur);
  const parts = v.split(/\s+/);
  if (numeric && (!parts.every((x) => kernelInteger(x) !== undefined) || parts.length > cur.split('\t').length)) {
    p.err(`sysctl: setting key "${k}": Invalid argument\n`);
    return false;
  }
  // proc_dointvec stores the numbers it parsed (07 is 7, 0x1 is 1); sysctl echoes what was typed.
  ns.sysctl.set(k, numeric ? parts.map((x) => String(kernelInteger(x))).join(' ') : v);
  if (!o.quiet) show(p, o, k, v);
  return true;
}

function loadFile(p: Process, ns: Netns, o: SysctlOpts, path: string): boolean {
  const text = p.host.readFile(path);
  if (text === undefined) {
    p.err(`sysctl: cannot open "${path}": No such file or directory\n`);
    return false;
  }
  let ok = true;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const eq = line.indexOf('=');
    if (eq < 0) {
      p.err(`sysctl: ${path}(${i + 1}): invalid syntax, continuing...\n`);
      return;
    }
    const key = line.slice(0, eq).trim().replace(/^-/, '');
    ok = write(p, ns, o, key, line.slice(eq + 1)) && ok;
  });
  return ok;
}

export const sysctl: Tool = async (p) => {
  const ns = p.host.netns;
  if (!ns) return 1;
  const o: SysctlOpts = { valuesOnly: false, quiet: false, ignoreUnknown: false, write: false };
  const args: string[] = [];
  let all = false;
  let file: string | undefined;
  const argv = p.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-a' || a === '-A' || a === '-X' || a === '--all') all = true;
    else if (a === '-n' || a === '--values') o.valuesOnly = true;
    else if (a === '-q' || a === '--quiet') o.quiet = true;
    else if (a === '-e' || a === '--ignore') o.ignoreUnknown = true;
    else if (a === '-w' || a === '--write') o.write = true;
    else if (a === '-p' || a === '--load') file = argv[i + 1] && !argv[i + 1]?.startsWith('-') ? argv[++i] : '/etc/sysctl.conf';
    else if (a.startsWith('-p')) file = a.slice(2);
    else if (a === '--system') file = '/etc/sysctl.conf';
    else args.push(a);
  }
  if (file !== undefined) return loadFile(p, ns, o, file) ? 0 : 1;
  if (all) {
    const keys = [...ns.sysctl.keys(), ...machineKeys(p).keys()].sort();
    for (const k of keys) show(p, o, k, read(p, ns, k) ?? '');
    return 0;
  }
  if (argv.length === 0) {
    p.err(USAGE);
    return 1;
  }
  if (args.length === 0) {
    p.err("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
    return 1;
  }
  let rc = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq >= 0) {
      if (!write(p, ns, o, a.slice(0, eq), a.slice(eq + 1))) rc = 1;
    } else if (o.write) {
      p.err('sysctl: command line(0): invalid syntax, continuing...\n');
      rc = 1;
    } else {
      const v = read(p, ns, a);
      if (v === undefined) {
        if (!o.ignoreUnknown) {
          p.err(`sysctl: cannot stat /proc/sys/${normalizeKey(a).replace(/\./g, '/')}: No such file or directory\n`);
          rc = 1;
        }
      } else show(p, o, a, v);
    }
  }
  return rc;
};
