// Layer tools (kubectl): `kubectl version [--client] [-o json|yaml]` (kubectl/pkg/cmd/version): the client
// (kubectl v1.33.2, Kustomize v5.6.0) and the apiserver's /version, whose gitVersion is the lab's Kubernetes
// version; release metadata (commit, build date, Go) is that of the published release.

import type { Command } from '../cli/command.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError } from '../cli/errors.js';
import { goYaml } from '../text/go-yaml.js';

const CLIENT_VERSION = 'v1.33.2';
const KUSTOMIZE_VERSION = 'v5.6.0';

/** Published builds: git commit, client (kubectl) and server (kube-apiserver) build dates, Go. */
const RELEASES: Readonly<Record<string, { commit: string; kubectlBuilt: string; apiserverBuilt: string; go: string }>> = {
  'v1.33.2': { commit: 'a57b6f7709f6c2722b92f07b8b4c48210a51fc40', kubectlBuilt: '2025-06-17T18:41:31Z', apiserverBuilt: '2025-06-17T18:31:32Z', go: 'go1.24.4' },
};

/** The version.Info the client or the apiserver (/version) reports. */
export function versionInfo(version: string, server: boolean): Record<string, string> {
  const r = RELEASES[version];
  const [major = '', minor = ''] = version.replace(/^v/, '').split('.');
  const emulation = server ? { emulationMajor: major, emulationMinor: minor, minCompatibilityMajor: major, minCompatibilityMinor: String(Number(minor) - 1) } : {};
  return {
    major, minor, ...emulation, gitVersion: version, gitCommit: r?.commit ?? '', gitTreeState: 'clean',
    buildDate: (server ? r?.apiserverBuilt : r?.kubectlBuilt) ?? '', goVersion: r?.go ?? '', compiler: 'gc', platform: 'linux/amd64',
  };
}

export const versionCommand: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: [{ name: 'client', kind: 'bool' }, { name: 'output', short: 'o', kind: 'string' }],
  run: async (ctx: Ctx, args) => {
    if (args.length > 0) throw new KubectlError(`extra arguments: [${args.join(' ')}]`);
    const output = ctx.flags.string('output');
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError("--output must be 'yaml' or 'json'");
    let serverErr: unknown;
    let server: Record<string, string> | undefined;
    if (!ctx.flags.bool('client')) {
      try {
        ctx.api();
        server = versionInfo(ctx.lab.spec.kubernetes.version, true);
      } catch (e) {
        serverErr = e;
      }
    }
    const doc = { clientVersion: versionInfo(CLIENT_VERSION, false), kustomizeVersion: KUSTOMIZE_VERSION, ...(server ? { serverVersion: server } : {}) };
    if (output === 'json') ctx.out(`${JSON.stringify(doc, null, 2)}\n`);
    else if (output === 'yaml') ctx.out(`${goYaml(doc)}\n`);
    else ctx.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n${server ? `Server Version: ${server['gitVersion'] ?? ''}\n` : ''}`);
    if (serverErr !== undefined) throw serverErr;
  },
};
