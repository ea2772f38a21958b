// Layer tools (host): coreutils `uname` with -s -n -r -v -m -p -i -o -a (and the long forms): the machine's
// hostname and kernel release from the lab, the build string of that Ubuntu kernel, x86_64, GNU/Linux.

import type { Tool } from '../process.js';

/** `uname -v` of Ubuntu kernel builds (the lab's 6.8.0-53-generic is #55). */
const BUILD_VERSION: Readonly<Record<string, string>> = {
  '6.8.0-53-generic': '#55-Ubuntu SMP PREEMPT_DYNAMIC Fri Jan 17 15:37:52 UTC 2025',
};

const FIELDS = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] as const;
type Field = (typeof FIELDS)[number];

const LONG: Readonly<Record<string, Field | 'a'>> = {
  '--kernel-name': 's',
  '--nodename': 'n',
  '--kernel-release': 'r',
  '--kernel-version': 'v',
  '--machine': 'm',
  '--processor': 'p',
  '--hardware-platform': 'i',
  '--operating-system': 'o',
  '--all': 'a',
};

export const uname: Tool = async (p) => {
  const want = new Set<Field>();
  let all = false;
  for (const a of p.argv.slice(1)) {
    const long = LONG[a];
    const letters = long ? [long] : a.startsWith('-') && !a.startsWith('--') ? [...a.slice(1)] : [];
    if (letters.length === 0) {
      p.err(a.startsWith('--') ? `uname: unrecognized option '${a}'\n` : `uname: extra operand '${a}'\n`);
      p.err("Try 'uname --help' for more information.\n");
      return 1;
    }
    for (const l of letters) {
      if (l === 'a') all = true;
      else if ((FIELDS as readonly string[]).includes(l)) want.add(l as Field);
      else {
        p.err(`uname: invalid option -- '${l}'\nTry 'uname --help' for more information.\n`);
        return 1;
      }
    }
  }
  const release = p.host.machine?.kernelRelease ?? '';
  const values: Record<Field, string> = {
    s: 'Linux',
    n: p.host.hostname,
    r: release,
    v: BUILD_VERSION[release] ?? '#1 SMP PREEMPT_DYNAMIC',
    m: 'x86_64',
    p: 'x86_64',
    i: 'x86_64',
    o: 'GNU/Linux',
  };
  const fields = all ? FIELDS : want.size === 0 ? (['s'] as const) : FIELDS.filter((f) => want.has(f));
  p.out(fields.map((f) => values[f]).join(' ') + '\n');
  return 0;
};
