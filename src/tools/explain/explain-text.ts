// Layer tools (explain): an Explanation as text for the terminal: each packet's steps numbered, one line per
// step (place, device and direction, decision, the entries behind it) with the header stack under every
// frame, then the packet's fate; the verdict, the causes and the fixes with their commands.

import type { Explanation, PacketTrail, Step } from '../../observe/index.js';

function place(s: Step): string {
  return s.pod !== undefined ? `${s.pod}@${s.host}` : s.host;
}

function fateText(t: PacketTrail): string {
  const f = t.fate;
  const at = f.pod !== undefined ? `${f.pod} on ${f.host}` : f.host;
  switch (f.kind) {
    case 'delivered':
      return `delivered to ${at} (${f.dev}), ttl ${f.ttl}`;
    case 'dropped':
      return `DROPPED on ${at}${f.dev !== undefined ? ` (${f.dev})` : ''}: ${f.reason} in ${f.where}${f.detail !== undefined ? `: ${f.detail}` : ''}`;
    case 'not-sent':
      return `not sent from ${at}: ${f.errno} (${f.detail})`;
    case 'unanswered':
      return `lost from sight on ${at}: ${f.detail}`;
  }
}

function trailText(t: PacketTrail): string {
  const rows = t.steps.map((s) => [place(s), `${s.dev ?? ''}${s.dir !== undefined ? ` ${s.dir}` : ''}`, s.decision] as const);
  const w0 = Math.max(0, ...rows.map((r) => r[0].length));
  const w1 = Math.max(0, ...rows.map((r) => r[1].length));
  const num = String(t.steps.length).length;
  let out = `${t.role}: ${t.summary}\n`;
  t.steps.forEach((s, i) => {
    const [p, d, what] = rows[i] ?? ['', '', ''];
    const indent = ' '.repeat(num + 4);
    out += `  ${String(i + 1).padStart(num)}  ${p.padEnd(w0)}  ${d.padEnd(w1)}  ${what}\n`;
    for (const e of s.entries) out += `${indent}${' '.repeat(w0 + w1 + 4)}${e}\n`;
    for (const h of s.headers ?? []) out += `${indent}${' '.repeat(w0 + w1 + 4)}| ${h.text}\n`;
  });
  return `${out}  => ${fateText(t)}\n`;
}

/** @example explanationText(explainPing(lab, { from: 'curl-pod', to: '172.20.1.224' })) */
export function explanationText(x: Explanation): string {
  let out = `${x.command}: ${x.target}\n\n`;
  for (const t of x.packets) out += `${trailText(t)}\n`;
  out += `verdict: ${x.verdict}\n`;
  if (x.causes.length > 0) out += `why:\n${x.causes.map((c) => `  - ${c}\n`).join('')}`;
  if (x.fixes.length > 0) {
    out += 'fixes:\n';
    x.fixes.forEach((f, i) => {
      out += `  ${i + 1}. ${f.title}\n     ${f.why}\n${f.commands.map((c) => `       ${c}\n`).join('')}`;
    });
  }
  return out;
}
