// Layer cli: the command line — `ciliumlab [--lab FILE] [--seed N] [--host NAME] [--pcap DIR]`,
// `ciliumlab run FILE`, `ciliumlab web [--port N] [--host ADDR]`, `--help`, `--version`. Errors name the
// bad argument and exit with status 2.

export interface CliArgs {
  readonly command: 'shell' | 'run' | 'web' | 'help' | 'version';
  readonly scenarioFile?: string;
  readonly labFile?: string;
  readonly seed?: number;
  readonly host?: string;
  readonly pcapDir?: string;
  /** `web`: the port to listen on (0: any free one). */
  readonly port?: number;
}

export const USAGE = `Usage: ciliumlab [options]            interactive shell on k8s-ctr of the lab
       ciliumlab run FILE [options]   replay a scenario and check it
       ciliumlab web [--port N] [--host ADDR]
                                      serve the browser lab (default http://127.0.0.1:8080/)

Options:
  --lab FILE     the lab file (default: the built-in week-4 lab, labs/week4.yaml)
  --seed N       random seed (pod names, IPs, identities); the same seed gives the same transcript
  --host NAME    where the shell starts: a VM name, or "workstation" (vagrant status / vagrant ssh)
  --pcap DIR     write each tcpdump capture as a pcap file into DIR
  --port N       web: the port (default 8080); with web, --host is the address to bind
  -h, --help     this help
  -V, --version  the version

When standard input is not a terminal, commands are read from it line by line, as bash does.
`;

export function parseArgs(argv: readonly string[]): CliArgs | { readonly error: string } {
  let command: CliArgs['command'] = 'shell';
  const out: { -readonly [K in keyof CliArgs]?: CliArgs[K] } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = () => (a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '-h':
      case '--help':
        return { command: 'help' };
      case '-V':
      case '--version':
        return { command: 'version' };
      case '--lab':
      case '--host':
      case '--pcap': {
        const v = value();
        if (v === undefined || v === '') return { error: `option ${name} needs a value` };
        if (name === '--lab') out.labFile = v;
        else if (name === '--host') out.host = v;
        else out.pcapDir = v;
        break;
      }
      case '--seed': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v)) return { error: `option --seed needs a non-negative integer, not ${v === undefined ? 'nothing' : JSON.stringify(v)}` };
        out.seed = Number(v);
        break;
      }
      case '--port': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v) || Number(v) > 65535) return { error: `option --port needs a port number (0-65535), not ${v === undefined ? 'nothing' : JSON.stringify(v)}` };
        out.port = Number(v);
        break;
      }
      default:
        if (a === 'web' && command === 'shell') command = 'web';
        else if (a === 'run' && command === 'shell') {
          command = 'run';
          const f = argv[++i];
          if (f === undefined) return { error: 'run needs a scenario file' };
          out.scenarioFile = f;
        } else return { error: a.startsWith('-') ? `unknown option ${a}` : `unexpected argument ${JSON.stringify(a)}` };
    }
  }
  return { command, ...out };
}
