// Layer shell: commands that describe the machine and the session — uname (Ubuntu's 6.8.0-53-generic
// build string), hostname (-I lists the addresses of the namespace), whoami/id, env/printenv, which,
// date (the virtual clock in the lab's time zone), sleep (virtual time), clear, basename and dirname.

import { formatIpv4 } from '../../addr/index.js';
import type { Process, Tool } from '../../tools/process.js';
import { zoneOffsetMinutes } from '../../lab/wall-clock.js';
import { LabProcess } from '../session/lab-process.js';
import { usageError } from './input.js';

const KERNEL_BUILD = '#55-Ubuntu SMP PREEMPT_DYNAMIC Fri Jan 17 15:37:52 UTC 2025';

function kernelRelease(p: Process): string {
  return p.host.machine?.kernelRelease ?? '6.8.0-53-generic';
}

export const uname: Tool = async (p) => {
  const flags = p.argv.slice(1).join('').replace(/-/g, '');
  const bad = [...flags].find((f) => !'asnrvmpio'.includes(f));
  if (bad !== undefined) return usageError(p, 'uname', `uname: invalid option -- '${bad}'`);
  const isAlpine = p.host.kind === 'pod' && (p.host.pod?.image ?? '').includes('netshoot');
  const fields: Array<[string, string]> = [
    ['s', 'Linux'],
    ['n', p.host.hostname],
    ['r', kernelRelease(p)],
    ['v', KERNEL_BUILD],
    ['m', 'x86_64'],
    ['p', isAlpine ? '' : 'x86_64'],
    ['i', isAlpine ? '' : 'x86_64'],
    ['o', 'GNU/Linux'],
  ];
  const want = flags === '' ? 's' : flags.includes('a') ? 'snrvmpio' : flags;
  p.out(`${fields.filter(([k, v]) => want.includes(k) && v !== '').map(([, v]) => (v === 'GNU/Linux' && isAlpine ? 'Linux' : v)).join(' ')}\n`);
  return 0;
};

export const hostname: Tool = async (p) => {
  const arg = p.argv[1];
  if (arg === '-I' || arg === '--all-ip-addresses') {
    const ns = p.host.netns;
    const addrs = ns ? [...ns.devices.values()].filter((d) => d.name !== 'lo').flatMap((d) => d.addrs.map((a) => formatIpv4(a.local))) : [];
    p.out(`${addrs.join(' ')} \n`);
    return 0;
  }
  if (arg === '-i') {
    p.out('127.0.2.1\n');
    return 0;
  }
  if (arg !== undefined && !arg.startsWith('-')) {
    p.err('hostname: you must be root to change the host name\n');
    return 1;
  }
  p.out(`${arg === '-s' ? p.host.hostname.split('.')[0] : p.host.hostname}\n`);
  return 0;
};

export const whoami: Tool = async (p) => {
  p.out(`${p.host.user}\n`);
  return 0;
};

export const id: Tool = async (p) => {
  const u = p.host.user;
  p.out(u === 'root' ? 'uid=0(root) gid=0(root) groups=0(root)\n' : `uid=1000(${u}) gid=1000(${u}) groups=1000(${u}),4(adm),24(cdrom),27(sudo),30(dip),46(plugdev),101(lxd)\n`);
  return 0;
};

export const env: Tool = async (p) => {
  if (p.argv.length > 1) {
    const cmd = p.argv.slice(1).filter((a) => !a.includes('='));
    if (cmd.length > 0) return (await p.execOn(p.host, cmd)).exitCode;
  }
  for (const [k, v] of p.env) p.out(`${k}=${v}\n`);
  return 0;
};

export const printenv: Tool = async (p) => {
  const names = p.argv.slice(1);
  if (names.length === 0) return env(p);
  let code = 0;
  for (const n of names) {
    const v = p.env.get(n);
    if (v === undefined) code = 1;
    else p.out(`${v}\n`);
  }
  return code;
};

export const which: Tool = async (p) => {
  let code = 0;
  for (const n of p.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const isInstalled = p instanceof LabProcess ? p.init.labHost.hasCommand(n) : false;
    if (isInstalled) p.out(`/usr/bin/${n}\n`);
    else code = 1;
  }
  return code;
};

/** sleep NUMBER[smhd]...: the sum, in virtual time. */
export const sleep: Tool = async (p) => {
  const args = p.argv.slice(1);
  if (args.length === 0) return usageError(p, 'sleep', 'sleep: missing operand');
  let us = 0;
  for (const a of args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return usageError(p, 'sleep', `sleep: invalid time interval '${a}'`);
    const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ''] ?? 1;
    us += Number(m[1]) * mult * 1e6;
  }
  await p.sleep(Math.round(us));
  return 0;
};

export const clear: Tool = async (p) => {
  p.out('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

export const basename: Tool = async (p) => {
  const [path, suffix] = p.argv.slice(1);
  if (path === undefined) return usageError(p, 'basename', 'basename: missing operand');
  let b = path.replace(/\/+$/, '').replace(/^.*\//, '') || '/';
  if (suffix !== undefined && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  p.out(`${b}\n`);
  return 0;
};

export const dirname: Tool = async (p) => {
  const path = p.argv[1];
  if (path === undefined) return usageError(p, 'dirname', 'dirname: missing operand');
  const t = path.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  p.out(`${i < 0 ? '.' : i === 0 ? '/' : t.slice(0, i)}\n`);
  return 0;
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZONE_NAMES: Readonly<Record<string, string>> = { 'Asia/Seoul': 'KST', 'Asia/Tokyo': 'JST', UTC: 'UTC', 'Etc/UTC': 'UTC', 'Europe/London': 'GMT' };

/** date [+FORMAT]: the lab's virtual wall clock in its time zone (C.UTF-8 locale). */
export const date: Tool = async (p) => {
  const ms = p.lab.wallMs;
  const tz = p.env.get('TZ') ?? p.lab.spec.clock.timezone;
  const off = zoneOffsetMinutes(ms, tz);
  const d = new Date(ms + off * 60000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const zone = ZONE_NAMES[tz] ?? `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}`;
  const z = `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  const fields: Record<string, string> = {
    Y: String(d.getUTCFullYear()),
    m: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    e: String(d.getUTCDate()).padStart(2),
    H: pad(d.getUTCHours()),
    M: pad(d.getUTCMinutes()),
    S: pad(d.getUTCSeconds()),
    N: pad((ms % 1000) * 1_000_000, 9),
    s: String(Math.floor(ms / 1000)),
    a: DAYS[d.getUTCDay()] ?? '',
    b: MONTHS[d.getUTCMonth()] ?? '',
    Z: zone,
    z,
    '%': '%',
  };
  fields['T'] = `${fields['H']}:${fields['M']}:${fields['S']}`;
  fields['F'] = `${fields['Y']}-${fields['m']}-${fields['d']}`;
  const fmtArg = p.argv.slice(1).find((a) => a.startsWith('+'));
  const fmt = fmtArg?.slice(1) ?? '%a %b %e %T %Z %Y';
  p.out(`${fmt.replace(/%([a-zA-Z%])/g, (m, k: string) => fields[k] ?? m)}\n`);
  return 0;
};
