// Layer net: processes as the owners of sockets (task_struct's pid and comm, files_struct's fd table), the
// view `ss -p` builds from /proc/PID/fd: comm is cut to TASK_COMM_LEN - 1 = 15 characters and a socket
// installed without a number gets the lowest free descriptor at or above the task's first free one
// (alloc_fd; the ones below hold files the model leaves out). cmdline is /proc/PID/cmdline's first string
// (argv[0], as netstat -p reads it). A machine's tasks live in its process table.

import type { Machine } from './machine.js';

/** TASK_COMM_LEN (16) less the NUL. */
const COMM_LEN = 15;

export class Task {
  readonly comm: string;
  /** argv[0]: the program's path ("/sbin/init") or the title it set ("sshd: /usr/sbin/sshd -D ..."). */
  readonly cmdline: string;
  /** Open descriptors that are sockets, by number (each value is the socket object). */
  readonly fds = new Map<number, object>();

  constructor(
    readonly pid: number,
    name: string,
    private readonly firstFreeFd = 3,
    cmdline?: string,
  ) {
    this.comm = name.slice(0, COMM_LEN);
    this.cmdline = cmdline ?? name;
  }

  /** fd_install: the file at `fd`, or at the lowest free descriptor. */
  installFd(file: object, fd?: number): number {
    let n = fd ?? this.firstFreeFd;
    if (fd === undefined) while (this.fds.has(n)) n++;
    this.fds.set(n, file);
    return n;
  }

  /** close(fd) for whichever descriptor holds `file`. */
  closeFile(file: object): void {
    for (const [fd, f] of this.fds) if (f === file) this.fds.delete(fd);
  }
}

/** fork + exec: a task with the machine's next PID (Machine.spawnPid), entered in its process table. */
export function spawnTask(m: Machine, comm: string, firstFreeFd?: number, cmdline?: string): Task {
  const t = new Task(m.spawnPid(), comm, firstFreeFd, cmdline);
  m.tasks.set(t.pid, t);
  return t;
}

/** do_exit: the task leaves the process table; its descriptors go with it. */
export function exitTask(m: Machine, t: Task): void {
  m.tasks.delete(t.pid);
  t.fds.clear();
}
