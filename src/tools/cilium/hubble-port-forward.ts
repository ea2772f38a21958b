// Layer tools (cilium): `cilium hubble port-forward` (cilium-cli hubble/port_forward.go): forwards
// 127.0.0.1:4245 to the hubble-relay Service until interrupted. The listener is a real TCP socket in the
// host's namespace, so `hubble observe` connects to it (and fails with "connection refused" without it).

import { parseIpv4 } from '../../addr/index.js';
import { TcpSocket } from '../../net/tcp/tcp-socket.js';
import { ERRNO_TEXT } from '../../net/netlink-error.js';
import type { Process } from '../process.js';

const LOCAL_PORT = 4245;

export async function hubblePortForward(p: Process): Promise<number> {
  const ns = p.host.netns;
  const loopback = parseIpv4('127.0.0.1');
  if (!ns || loopback === undefined) return 1;
  const listener = TcpSocket.listen(ns, loopback, LOCAL_PORT);
  if (typeof listener === 'string') {
    p.err(`Error: Unable to port forward: listen tcp4 127.0.0.1:${LOCAL_PORT}: bind: ${ERRNO_TEXT[listener].toLowerCase()}\n`);
    return 1;
  }
  listener.onAccept = (conn) => {
    conn.onPeerClosed = () => conn.close();
  };
  p.out(`ℹ️  Hubble Relay is available at 127.0.0.1:${LOCAL_PORT}\n`);
  await p.until(() => p.isInterrupted);
  listener.close();
  return 0;
}
