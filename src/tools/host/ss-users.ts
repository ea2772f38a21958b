// Layer tools (host): ss -p's process column (misc/ss.c user_ent_hash_build, find_entry): every task's
// socket descriptors, read in PID order and descriptor order, each entry put at the head of its socket's
// list, so a socket lists its users from the highest PID down: ("sshd",pid=1352,fd=3),("systemd",pid=1,fd=148).

import type { Machine } from '../../net/machine.js';

/** Socket object -> the text after "users:" ss prints for it. */
export type SocketUsers = ReadonlyMap<object, string>;

export function socketUsers(machine: Machine | undefined): SocketUsers {
  const lists = new Map<object, string[]>();
  if (!machine) return new Map();
  const tasks = [...machine.tasks.values()].sort((a, b) => a.pid - b.pid);
  for (const t of tasks) {
    for (const fd of [...t.fds.keys()].sort((a, b) => a - b)) {
      const sock = t.fds.get(fd);
      if (!sock) continue;
      const list = lists.get(sock) ?? [];
      list.unshift(`("${t.comm}",pid=${t.pid},fd=${fd})`);
      lists.set(sock, list);
    }
  }
  return new Map([...lists].map(([sock, users]) => [sock, `(${users.join(',')})`]));
}
