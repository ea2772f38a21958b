// web (packets): the words for a packet and its hops — a summary from its first frame's headers, its fate
// once the playhead has reached its end, and a short name for each place it passed ("curl-pod eth0 out",
// "router eth1 in", "dropped at router eth0").

import { buildTrail, placeOf, type PacketTrail, type Recorded } from '../../../src/index.browser.js';
import type { Trace } from './timeline.js';

export function trailOf(trace: Trace): PacketTrail {
  return buildTrail(
    trace.events.map((e) => e.rec),
    trace.traceId,
    '',
  );
}

export function fateText(t: PacketTrail): string {
  const f = t.fate;
  const at = (x: { host: string; pod: string | undefined }) => (x.pod !== undefined ? `${x.pod.split('/').pop()} on ${x.host}` : x.host);
  switch (f.kind) {
    case 'delivered':
      return `delivered to ${at(f)} ${f.dev}, ttl ${f.ttl}`;
    case 'dropped':
      return `dropped at ${at(f)}${f.dev !== undefined ? ` ${f.dev}` : ''}: ${f.reason} (${f.where})`;
    case 'not-sent':
      return `not sent: ${f.errno}`;
    case 'unanswered':
      return `${f.detail} on ${at(f)}`;
  }
}

export function placeText(rec: Recorded): string {
  const { host, pod } = placeOf(rec.e.netns);
  const where = pod !== undefined ? (pod.split('/').pop() ?? pod) : host;
  const dev = rec.e.dev?.name ?? '';
  if (rec.kind === 'drop') return `✗ ${where} ${dev}`.trimEnd();
  if (rec.kind === 'packet') return `${where} ${dev} ${rec.e.dir}`;
  return `${where} ${rec.e.stage}`;
}

export function isArp(trace: Trace): boolean {
  const d = trace.moves[0]?.rec.e.data;
  return d !== undefined && d[12] === 0x08 && d[13] === 0x06;
}
