// The interpreter with fake tools: variables across lines, pipes that stream and stop their producer
// (SIGPIPE), background jobs, here-documents, compound commands, exit statuses and bash's error texts,
// Ctrl-C, and the loop bound of non-interactive runs.

import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TOOLS } from './fake-tools.js';
import { openTestTerminal, type TestTerminal } from './support.js';

let t: TestTerminal;

beforeAll(async () => {
  t = await openTestTerminal({ tools: FAKE_TOOLS });
});

describe('variables and expansion', () => {
  it('keeps variables and exports from line to line, including $( ) with spaces', async () => {
    await t.run('export GREETING=$(echo hello  world)');
    expect(await t.run('echo "$GREETING"')).toBe('hello world\n');
    expect(await t.run('env | grep ^GREETING=')).toBe('GREETING=hello world\n');
    await t.run('x=5; y=$((x * 2 + 1))');
    expect(await t.run('echo $x $y ${#GREETING} ${GREETING%% *} ${GREETING#* } ${UNSET:-dflt}')).toBe('5 11 11 hello world dflt\n');
  });

  it('splits unquoted expansions on IFS and keeps "$@" fields apart', async () => {
    expect(await t.run('set -- "a b" c; for w in "$@"; do echo "[$w]"; done')).toBe('[a b]\n[c]\n');
    expect(await t.run('v="1  2"; for w in $v; do echo "<$w>"; done')).toBe('<1>\n<2>\n');
    expect(await t.run('echo {a,b}{1..2} ~/x')).toBe('a1 a2 b1 b2 /root/x\n');
  });

  it('reports the status of the last command substitution for an assignment', async () => {
    expect(await t.run('v=$(false); echo $?')).toBe('1\n');
  });
});

describe('pipes', () => {
  it('stops an endless producer when head has its lines; the writer dies of SIGPIPE (141)', async () => {
    expect(await t.run('ticker | head -2; echo ${PIPESTATUS[@]}')).toBe('tick 1\ntick 2\n141 0\n');
  });

  it('ends a builtin loop on its left (the subshell gets SIGPIPE)', async () => {
    expect(await t.run('while true; do echo x; done | head -3')).toBe('x\nx\nx\n');
    expect(await t.run('seq 1 1000000 | head -1')).toBe('1\n');
  });

  it('streams: each line reaches the screen when it is written, not when the producer ends', async () => {
    const start = t.writes.length;
    await t.run('ticker 3 | upcase | grep TICK');
    const times = t.writes.slice(start).filter((w) => w.text.startsWith('TICK')).map((w) => w.atUs);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBe(1_000_000);
    expect(times[2]! - times[1]!).toBe(1_000_000);
  });
});

describe('here-documents', () => {
  it('expands an unquoted one, keeps a quoted one literal, strips tabs with <<-', async () => {
    expect(await run(t, ['X=world', 'cat << EOF | tr a-z A-Z', 'hello $X', 'EOF'])).toBe('HELLO WORLD\n');
    expect(await run(t, ["cat <<'EOF'", 'keep $X', 'EOF'])).toBe('keep $X\n');
    expect(await run(t, ['cat <<-EOF', '\t\tindented', '\tEOF'])).toBe('indented\n');
  });
});

describe('compound commands and functions', () => {
  it('runs if, case, for, while, until, C-style for, functions with local and return', async () => {
    expect(await t.run('if [ 1 -lt 2 ]; then echo yes; else echo no; fi')).toBe('yes\n');
    expect(await t.run('case k8s-w1 in k8s-w*) echo worker;; *) echo other;; esac')).toBe('worker\n');
    expect(await t.run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i')).toBe('3\n');
    expect(await t.run('until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i')).toBe('0\n');
    expect(await t.run('for ((j=0; j<3; j++)); do printf "%d," $j; done; echo')).toBe('0,1,2,\n');
    expect(await t.run('f() { local v=inner; echo "$1-$v"; return 3; }; v=outer; f arg; echo $? $v')).toBe('arg-inner\n3 outer\n');
    expect(await t.run('[[ abc == a* && -n $v ]] && echo match')).toBe('match\n');
  });
});

describe('exit statuses and errors', () => {
  it('prints bash’s texts and statuses', async () => {
    expect(await t.run('nosuchcmd')).toBe('bash: nosuchcmd: command not found\n');
    expect(t.status()).toBe(127);
    expect(await t.run('cd /nope')).toBe('bash: cd: /nope: No such file or directory\n');
    expect(t.status()).toBe(1);
    expect(await t.run('echo )')).toBe("bash: syntax error near unexpected token `)'\n");
    expect(t.status()).toBe(2);
    expect(await t.run('false || echo fallback && echo and')).toBe('fallback\nand\n');
    expect(await t.run('! true; echo $?')).toBe('1\n');
  });
});

describe('background jobs', () => {
  it('runs `&` in the background with jobs, wait, kill %N and bash’s notices', async () => {
    const b = await openTestTerminal({ tools: FAKE_TOOLS });
    expect(await b.run('sleep 5 &')).toMatch(/^\[1\] \d+\n$/);
    expect(await b.run('sleep 60 &')).toMatch(/^\[2\] \d+\n$/);
    expect(await b.run('jobs')).toBe('[1]-  Running                 sleep 5 &\n[2]+  Running                 sleep 60 &\n');
    await b.run('sleep 6');
    expect(b.terminal.takeNotices()).toBe('[1]-  Done                    sleep 5\n');
    await b.run('kill %2');
    await b.run('sleep 1');
    expect(b.terminal.takeNotices()).toBe('[2]+  Terminated              sleep 60\n');
    await b.run('ticker 3 > /tmp/t.txt &');
    expect(await b.run('wait; cat /tmp/t.txt')).toBe('tick 1\ntick 2\ntick 3\n');
  });
});

describe('Ctrl-C', () => {
  it('kills a command that does not handle SIGINT (130) and stops the loop around it', async () => {
    expect(await t.run('while true; do sleep 1; done; echo after', { interruptAfterUs: 2_500_000 })).toBe('^C\n');
    expect(t.status()).toBe(130);
  });

  it('lets a command that handles SIGINT finish, and the loop goes on (bash)', async () => {
    const out = await t.run('pinger; echo "status $?"', { interruptAfterUs: 2_500_000 });
    expect(out).toBe('reply 1\nreply 2\nreply 3\n^C\n--- 3 replies ---\nstatus 1\n');
  });
});

describe('non-interactive runs', () => {
  it('stop an endless loop with a clear error instead of hanging', async () => {
    const s = await openTestTerminal({ tools: FAKE_TOOLS, isInputTty: false, maxLoopIterations: 500 });
    const out = await s.run('while true; do :; done');
    expect(out).toBe('bash: line 1: loop stopped after 500 passes (ciliumlab bounds loops in non-interactive runs)\n');
  });
});

async function run(term: TestTerminal, lines: string[]): Promise<string> {
  let out = '';
  for (const l of lines) out += await term.run(l);
  return out;
}
