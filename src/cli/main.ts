// Layer cli: the `ciliumlab` program. Arguments are parsed first; the lab, the shell and the tools are
// loaded only for the command that needs them, so `--help` answers at once and the prompt comes quickly.

import { readFileSync } from 'node:fs';
import { parseArgs, USAGE } from './args.js';

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    process.stderr.write(`ciliumlab: ${args.error}\n${USAGE}`);
    return 2;
  }
  if (args.command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.command === 'version') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`ciliumlab ${pkg.version}\n`);
    return 0;
  }
  if (args.command === 'web') {
    const { runWebServer } = await import('../server/web-command.js');
    return runWebServer(args);
  }
  if (args.command === 'run') {
    const { runScenarioFile } = await import('./run-scenario-file.js');
    return runScenarioFile(args.scenarioFile ?? '', args);
  }
  const { loadSpec } = await import('./spec-loader.js');
  const spec = loadSpec(args);
  if (!spec.ok) {
    process.stderr.write(`${spec.message}\n`);
    return 2;
  }
  if (process.stdin.isTTY) {
    const { runRepl } = await import('./repl.js');
    return runRepl(spec.spec, args);
  }
  const { runPiped } = await import('./piped.js');
  return runPiped(spec.spec, args);
}
