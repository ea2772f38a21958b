// Layer k8s: stand-in PEM blocks for the certificates and keys installers generate (kubeadm's CA,
// Helm's genCA/genSignedCert): seeded random bytes behind a DER SEQUENCE header in PEM armour, 64
// characters a line. Only their shape matters to the lab; nothing parses them.

import type { Rng } from '../../sim/rng.js';

/** @example fakePem(rng, 'CERTIFICATE', 1075) starts "-----BEGIN CERTIFICATE-----\nMIIE" */
export function fakePem(rng: Rng, label: string, derLength: number): string {
  const codes: number[] = new Array<number>(derLength);
  codes[0] = 0x30;
  codes[1] = 0x82;
  let word = 0;
  for (let i = 2; i < derLength; i++) {
    if ((i & 3) === 2) word = rng.u32();
    codes[i] = word & 0xff;
    word >>>= 8;
  }
  const b64 = btoa(String.fromCharCode(...codes));
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += `${b64.slice(i, i + 64)}\n`;
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}
