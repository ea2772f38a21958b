// Test support for observe: a curl from a pod through the lab's resolver and socket LB (the seed's
// `kubectl exec curl-pod -- curl webpod`), and a Hubble port-forward stand-in: a TCP listener on
// 127.0.0.1:4245 in the host's namespace, as `cilium hubble port-forward` keeps one.

import { HttpClient, MuslResolver, type CurlEvent } from '../../src/apps/index.js';
import { ipv4 } from '../../src/addr/index.js';
import type { Lab } from '../../src/lab/index.js';
import { podResolvConf } from '../../src/lab/pod-resolv-conf.js';
import { TcpSocket } from '../../src/net/tcp/tcp-socket.js';

export function curl(lab: Lab, pod: string, url: string, connectTimeoutMs = 1000): number {
  const ns = lab.netns(pod);
  const resolver = new MuslResolver(ns, { resolvConf: podResolvConf(lab.spec, lab.k8s.api.get('Pod', 'default', pod)) });
  const events: CurlEvent[] = [];
  new HttpClient(ns, { url, connectTimeoutMs, resolver }, (e) => events.push(e)).start();
  lab.runUntil(() => events.some((e) => e.kind === 'done'), 30_000_000);
  const done = events.find((e) => e.kind === 'done');
  return done?.kind === 'done' ? done.exitCode : -1;
}

/** Listens on 127.0.0.1:4245 of `host` until the returned function is called. */
export function portForward(lab: Lab, host = 'k8s-ctr'): () => void {
  const sk = TcpSocket.listen(lab.netns(host), ipv4(0x7f000001), 4245);
  if (typeof sk === 'string') throw new Error(`listen: ${sk}`);
  sk.onAccept = (c) => c.close();
  return () => sk.close();
}
