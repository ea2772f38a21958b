// Moving between hosts: sshpass/ssh with the lab's /etc/hosts and known_hosts rules, interactive ssh
// hops and `exit`, vagrant status/ssh from the workstation, sudo, and running a command remotely with its
// output streaming back through a local pipe.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../src/lab/index.js';
import { commands } from '../../src/tools/registry.js';
import { defaultLab, openTestTerminal } from './support.js';

let lab: Lab;

beforeAll(() => {
  lab = defaultLab({ fresh: true });
});

describe('ssh and sshpass', () => {
  it('needs the host key: sshpass exits 6 silently, plain ssh fails verification; -o StrictHostKeyChecking=no adds it', async () => {
    const t = await openTestTerminal({ lab, tools: commands });
    expect(await t.run("sshpass -p 'vagrant' ssh vagrant@k8s-w1 hostname")).toBe('');
    expect(t.status()).toBe(6);
    expect(await t.run('ssh vagrant@k8s-w1 hostname')).toContain('Host key verification failed.\n');
    expect(t.status()).toBe(255);
    expect(await t.run("sshpass -p 'vagrant' ssh -o StrictHostKeyChecking=no vagrant@k8s-w1 hostname")).toBe("Warning: Permanently added 'k8s-w1' (ED25519) to the list of known hosts.\nk8s-w1\n");
    expect(await t.run("sshpass -p 'vagrant' ssh vagrant@k8s-w1 whoami; echo $?")).toBe('vagrant\n0\n');
    expect(await t.run("sshpass -p 'wrong' ssh vagrant@k8s-w1 hostname; echo $?")).toBe('5\n');
  });

  it('resolves names through the origin’s /etc/hosts: the router knows no lab names, but addresses work', async () => {
    const r = await openTestTerminal({ lab, tools: commands, host: 'router' });
    expect(await r.run('ssh -o StrictHostKeyChecking=no vagrant@k8s-ctr hostname')).toBe('ssh: Could not resolve hostname k8s-ctr: Temporary failure in name resolution\n');
    expect(r.status()).toBe(255);
    expect(await r.run('ssh -o StrictHostKeyChecking=no vagrant@192.168.20.100 hostname 2>/dev/null')).toBe('k8s-w0\n');
    expect(await r.run("sshpass -p 'vagrant' ssh vagrant@192.168.20.100 hostname")).toBe('bash: sshpass: command not found\n');
  });

  it('pipes a remote command’s output into a local pipeline', async () => {
    const t = await openTestTerminal({ lab, tools: commands });
    await t.run("sshpass -p 'vagrant' ssh -o StrictHostKeyChecking=no vagrant@router true 2>/dev/null");
    expect(await t.run("sshpass -p 'vagrant' ssh vagrant@router ip route | grep loop | cut -d' ' -f1-3")).toBe('10.10.1.0/24 dev loop1\n10.10.2.0/24 dev loop2\n');
  });

  it('hops interactively: a root shell on the target (the box’s .bashrc runs sudo su -), exit comes back', async () => {
    const t = await openTestTerminal({ lab, tools: commands });
    await t.run("sshpass -p 'vagrant' ssh -o StrictHostKeyChecking=no vagrant@router true 2>/dev/null");
    const banner = await t.run("sshpass -p 'vagrant' ssh vagrant@router");
    expect(banner).toContain('Welcome to Ubuntu 24.04.2 LTS (GNU/Linux 6.8.0-53-generic x86_64)');
    expect(t.terminal.prompt()).toBe('root@router:~# ');
    expect(await t.run('hostname')).toBe('router\n');
    expect(await t.run('exit')).toBe('logout\nConnection to router closed.\n');
    expect(t.terminal.prompt()).toBe('(⎈|HomeLab:N/A) root@k8s-ctr:~# ');
  });
});

describe('vagrant and sudo', () => {
  it('prints vagrant status in Vagrant’s layout and hops with vagrant ssh', async () => {
    const w = await openTestTerminal({ lab, tools: commands, host: 'workstation' });
    expect(w.terminal.prompt()).toBe('user@workstation:~/cilium-lab$ ');
    expect(await w.run('vagrant status')).toBe(
      'Current machine states:\n\nk8s-ctr                   running (virtualbox)\nk8s-w1                    running (virtualbox)\nrouter                    running (virtualbox)\nk8s-w0                    running (virtualbox)\n\nThis environment represents multiple VMs. The VMs are all listed\nabove with their current state. For more information about a specific\nVM, run `vagrant status NAME`.\n',
    );
    expect(await w.run('vagrant ssh nope')).toBe("The machine with the name 'nope' was not found configured for\nthis Vagrant environment.\n");
    await w.run('vagrant ssh k8s-w1');
    expect(w.terminal.prompt()).toBe('root@k8s-w1:~# ');
    expect(await w.run('logout')).toBe('logout\nConnection to 127.0.0.1 closed.\n');
    expect(w.terminal.prompt()).toBe('user@workstation:~/cilium-lab$ ');
  });

  it('runs a command as root with sudo', async () => {
    const t = await openTestTerminal({ lab, tools: commands });
    await t.run("sshpass -p 'vagrant' ssh -o StrictHostKeyChecking=no vagrant@k8s-w0 true 2>/dev/null");
    expect(await t.run("sshpass -p 'vagrant' ssh vagrant@k8s-w0 'whoami; sudo whoami'")).toBe('vagrant\nroot\n');
    expect(await t.run('sudo nosuch')).toBe('sudo: nosuch: command not found\n');
  });
});
