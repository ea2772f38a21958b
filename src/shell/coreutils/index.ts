// Layer shell: the user-space commands every host has (GNU coreutils, grep, findutils, procps-like
// basics, and the just-bash utilities), as emulated Tools keyed by command name.

import type { Tool } from '../../tools/process.js';
import { delegated, DELEGATED } from './delegate.js';
import { echo, ls, mkdir, printf, rm, touch } from './files.js';
import { grep } from './grep.js';
import { head, tail } from './head-tail.js';
import { basename, clear, date, dirname, env, hostname, id, printenv, sleep, uname, which, whoami } from './system-info.js';
import { cat, cut, seq, tee, tr, uniq, wc } from './text-filters.js';
import { xargs } from './xargs.js';

export const COREUTILS: ReadonlyMap<string, Tool> = new Map<string, Tool>([
  ['cat', cat],
  ['head', head],
  ['tail', tail],
  ['grep', grep],
  ['egrep', grep],
  ['fgrep', grep],
  ['wc', wc],
  ['cut', cut],
  ['tr', tr],
  ['tee', tee],
  ['seq', seq],
  ['uniq', uniq],
  ['xargs', xargs],
  ['echo', echo],
  ['printf', printf],
  ['ls', ls],
  ['mkdir', mkdir],
  ['touch', touch],
  ['rm', rm],
  ['uname', uname],
  ['hostname', hostname],
  ['whoami', whoami],
  ['id', id],
  ['env', env],
  ['printenv', printenv],
  ['which', which],
  ['sleep', sleep],
  ['clear', clear],
  ['basename', basename],
  ['dirname', dirname],
  ['date', date],
  ['true', async () => 0],
  ['false', async () => 1],
  ...DELEGATED.map((n): [string, Tool] => [n, delegated(n)]),
]);
