// Layer cli: commands from a pipe or a file (`ciliumlab < script.sh`, `echo 'kubectl get no' | ciliumlab`):
// read line by line like `bash < script`, no prompt, virtual time as fast as the work allows, and the exit
// status of the last command (or of `exit N`) as ciliumlab's own.

import { createInterface } from 'node:readline';
import { buildLab, type LabSpec } from '../lab/index.js';
import { openCliSession } from './session-setup.js';

export async function runPiped(spec: LabSpec, opts: { host?: string | undefined; pcapDir?: string | undefined; seed?: number | undefined }): Promise<number> {
  const lab = buildLab(spec, opts.seed === undefined ? {} : { seed: opts.seed });
  const s = openCliSession(lab, { ...opts, isRealtime: false, screen: { write: (t) => void process.stdout.write(t), writeError: (t) => void process.stderr.write(t), isTty: process.stdout.isTTY === true, isInputTty: false } });
  if (typeof s === 'string') {
    process.stderr.write(`${s}\n`);
    return 2;
  }
  const { driver, terminal } = s;
  await driver.run(terminal.whenReady());
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  for await (const line of rl) {
    if (terminal.isClosed) break;
    await driver.run(terminal.submit(line), 3_600_000_000).catch((e: unknown) => {
      terminal.top?.foreground?.signal('KILL');
      process.stderr.write(`ciliumlab: ${e instanceof Error ? e.message : String(e)}\n`);
    });
  }
  rl.close();
  if (!terminal.isClosed) await driver.run(terminal.eof());
  return terminal.closed;
}
