// Pure text work compared with the real bash and GNU tools on this machine: the same script runs in
// /bin/bash and in the emulated shell, and prints the same bytes (grep -iEA1 as the seed uses it, awk,
// sed, cut, tr, sort, uniq, wc, head, tail, xargs, printf, parameter expansion, brace expansion...).

import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestTerminal, type TestTerminal } from './support.js';

const IFCONFIG = String.raw`printf 'eth0: flags=4163<UP>  mtu 1500\n        inet 10.0.2.15\n        ether 08:00\neth1: flags=4163<UP>  mtu 1500\n        inet 192.168.10.100\nlo: flags=73<UP>\n        inet 127.0.0.1\n'`;

const SCRIPTS: readonly string[] = [
  `${IFCONFIG} | grep -iEA1 'eth[0-9]:'`,
  `${IFCONFIG} | grep -c inet`,
  `${IFCONFIG} | grep -v inet | grep -E 'eth|lo'`,
  `${IFCONFIG} | grep -n -B1 'inet 1'`,
  `${IFCONFIG} | grep -o '[0-9]*\\.[0-9]*\\.[0-9]*\\.[0-9]*'`,
  `${IFCONFIG} | grep -w -e lo -e eth1`,
  `${IFCONFIG} | awk '/inet/ {print $2}'`,
  `${IFCONFIG} | sed -n 's/^\\(eth[0-9]\\):.*/\\1/p'`,
  `printf 'ipam cluster-pool\\nipam-cilium-node-update-rate 15s\\nrouting-mode native\\n' | grep ^ipam`,
  `printf 'b 2\\na 1\\nc 3\\na 1\\n' | sort | uniq -c`,
  `printf 'b 2\\na 10\\nc 3\\n' | sort -k2 -n -r`,
  `printf 'one two three\\nfour five six\\n' | wc`,
  `printf 'one two three\\nfour five six\\n' | wc -l`,
  `printf 'a:b:c\\nd:e:f\\n' | cut -d: -f2,3`,
  `printf 'hello world\\n' | tr a-z A-Z | tr -d O`,
  `printf 'aaa  bbb\\n' | tr -s ' a'`,
  `seq 10 | head -n -7; seq 10 | tail -n +9; seq 5 | tail -2`,
  `seq -w 8 11; seq -s, 1 2 9; echo`,
  `seq 3 | xargs -n1 echo item; echo a b c | xargs -I{} echo '<{}>'`,
  `printf '%5s|%-5s|%03d|%x|%.2f\\n' ab cd 7 255 3.14159; printf '%s\\n' a b c`,
  `x=/etc/kubernetes/admin.conf; echo \${x##*/} \${x%/*} \${x%.conf} \${#x} \${x/admin/user} \${x^^}`,
  `echo {1..3} {a,b}-{x,y} pre{1..2}post`,
  `a=1; b=$((a + 2 * 3 ** 2 % 5)); echo $b $((b << 2)) $((7 / 2)) $((-7 % 3))`,
  `for i in w1 w0 ; do echo ">> node : k8s-$i <<"; echo; done`,
  `f() { echo "$#:$*"; }; f "a b" c; set -- x "y z"; f "$@"`,
  `v="  lead and trail  "; echo "[$v]" [$v]`,
  `case 192.168.10.100 in 192.168.10.*) echo lan10;; *) echo other;; esac`,
  `echo -e 'a\\tb\\n' | cat -A; echo -n no-newline; echo`,
  `printf 'k8s-ctr Ready\\nk8s-w1 NotReady\\n' | while read name state; do echo "$state:$name"; done`,
  `printf 'x\\ny\\n' | tee /tmp/ciliumlab-tee.txt | wc -l; cat /tmp/ciliumlab-tee.txt`,
  `test 3 -gt 2 && [ abc != abd ] && [[ -z "" ]]; echo $?`,
];

/** Arithmetic errors as bash words them: the expression, then the text from the zero divisor on. */
const ARITH_ERRORS: readonly string[] = [
  'echo $((1/0))',
  'echo $((1/0+2))',
  'echo $(( 5 / 0 ))',
  'x=0; echo $((3 % x + 1))',
  '((1/0))',
  'let "a=4/0"',
  'for ((i=0; i<1/0; i++)); do :; done',
];

let t: TestTerminal;

beforeAll(async () => {
  t = await openTestTerminal({ host: 'router' });
});

describe('text utilities and expansions match bash', () => {
  it.each(SCRIPTS)('%s', async (script) => {
    const real = execFileSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C' } });
    expect(await t.run(script)).toBe(real);
  });
});

describe('arithmetic errors match bash', () => {
  // The prefix differs by mode only (`bash: line 1: ` for bash -c, `-bash: ` on a terminal).
  const unprefixed = (s: string) => s.replace(/^-?bash: (line \d+: )?/, '');
  it.each(ARITH_ERRORS)('%s', async (script) => {
    const real = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(unprefixed(await t.run(script))).toBe(unprefixed(real.stderr));
  });
});
