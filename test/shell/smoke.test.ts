import { describe, expect, it } from 'vitest';
import { openTestTerminal } from './support.js';

describe('smoke', () => {
  it('runs a few lines', async () => {
    const t = await openTestTerminal();
    expect(t.terminal.prompt()).toBe('(⎈|HomeLab:N/A) root@k8s-ctr:~# ');
    expect(await t.run('echo hello world')).toBe('hello world\n');
    expect(await t.run('X=$(echo a b); echo "$X" | tr a-z A-Z')).toBe('A B\n');
    expect(await t.run('foo')).toBe('bash: foo: command not found\n');
    expect(await t.run('echo $?')).toBe('127\n');
    expect(await t.run("grep -E 'CONFIG_VXLAN=y|CONFIG_VXLAN=m|CONFIG_GENEVE=y|CONFIG_GENEVE=m|CONFIG_FIB_RULES=y' /boot/config-$(uname -r)")).toBe('CONFIG_FIB_RULES=y\nCONFIG_VXLAN=m\nCONFIG_GENEVE=m\n');
    expect(await t.run('for i in w1 w0 ; do echo ">> node : k8s-$i <<"; done')).toBe('>> node : k8s-w1 <<\n>> node : k8s-w0 <<\n');
    expect(await t.run('seq 1 1000000 | head -2')).toBe('1\n2\n');
    expect(await t.run('while true; do echo x; done | head -3')).toBe('x\nx\nx\n');
    expect(await t.run('type k')).toBe("k is aliased to `kubectl'\n");
    expect(await t.run('cd /nope')).toBe('bash: cd: /nope: No such file or directory\n');
    expect(await t.run('cat /proc/sys/net/ipv4/ip_forward')).toBe('1\n');
    expect(await t.run("awk '{print $1}' /etc/hosts | tail -2")).toBe('192.168.20.100\n192.168.10.101\n');
  });
});
