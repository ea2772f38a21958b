// Layer tools (ip): how iproute2 fails. lib/utils.c's invarg/duparg/missarg/incomplete_command exit(-1)
// (status 255) on the spot; get_prefix/get_addr exit(1); a handler's "return -1" becomes status 1 and a
// kernel error ("return -2") status 2, because do_cmd negates what the handler returns.

import { NetlinkError } from '../../net/netlink-error.js';

/** A direct exit() from inside ip, with what it printed to stderr first. */
export class IpExit extends Error {
  constructor(
    readonly status: number,
    readonly stderr: string,
  ) {
    super(stderr.trimEnd());
    this.name = 'IpExit';
  }
}

export function invarg(msg: string, arg: string): never {
  throw new IpExit(255, `Error: argument "${arg}" is wrong: ${msg}\n`);
}

export function duparg(key: string, arg: string): never {
  throw new IpExit(255, `Error: duplicate "${key}": "${arg}" is the second value.\n`);
}

export function duparg2(key: string, arg: string): never {
  throw new IpExit(255, `Error: either "${key}" is duplicate, or "${arg}" is a garbage.\n`);
}

export function incompleteCommand(): never {
  throw new IpExit(255, 'Command line is not complete. Try option "help"\n');
}

/** `return nodev(dev)`: the handler returns -1 (status 1). */
export function nodev(dev: string): never {
  throw new IpExit(1, `Cannot find device "${dev}"\n`);
}

/** A failed netlink request: rtnl_talk prints the extack or strerror, the handler returns -2 (status 2). */
export function kernelError(e: NetlinkError): never {
  throw new IpExit(2, e.iprouteText + '\n');
}

/** Runs a netns mutation, turning the kernel's NetlinkError into ip's message and status. */
export function netlink<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NetlinkError) kernelError(e);
    throw e;
  }
}
