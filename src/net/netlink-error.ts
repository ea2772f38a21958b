// Layer net: an error the kernel returns to a netlink request (`ip route add`, `ip link set`, ...): the
// errno, its strerror text, and the extended ack message when the kernel gives one. iproute2 prints
// "Error: <extack>." when there is one and "RTNETLINK answers: <strerror>" otherwise.

export const ERRNO_TEXT = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EEXIST: 'File exists',
  ENODEV: 'No such device',
  EINVAL: 'Invalid argument',
  ENETDOWN: 'Network is down',
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  EMSGSIZE: 'Message too long',
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  ECONNRESET: 'Connection reset by peer',
  EOPNOTSUPP: 'Operation not supported',
  ENOBUFS: 'No buffer space available',
  EAGAIN: 'Resource temporarily unavailable',
} as const;
export type Errno = keyof typeof ERRNO_TEXT;

export class NetlinkError extends Error {
  readonly code = 'netlink' as const;

  constructor(
    readonly errno: Errno,
    readonly extack?: string,
  ) {
    super(extack ?? ERRNO_TEXT[errno]);
    this.name = 'NetlinkError';
  }

  /** The line iproute2 prints for this error. */
  get iprouteText(): string {
    return this.extack !== undefined ? `Error: ${this.extack}.` : `RTNETLINK answers: ${ERRNO_TEXT[this.errno]}`;
  }

  toJSON(): { code: string; errno: Errno; extack: string | undefined; message: string } {
    return { code: this.code, errno: this.errno, extack: this.extack, message: this.message };
  }
}
