// Layer lab (lab file): the error a lab file gets, always pointing at file:line:column and a field path.
// Codes are literal strings so the CLI, the web UI and tests can branch on them; the message is what a
// user sees: "labs/mine.yaml:14:20: hosts[1].interfaces[1].address: 192.168.30.5/24 is not inside ...".

export const LAB_FILE_ERROR_CODES = [
  'yaml-syntax', // the YAML itself does not parse (message from the yaml library)
  'empty-file',
  'missing-field',
  'unknown-field',
  'invalid-type',
  'invalid-value',
  'out-of-range',
  'invalid-name',
  'invalid-address',
  'invalid-prefix',
  'invalid-duration',
  'invalid-time',
  'duplicate-name',
  'network-overlap',
  'unknown-network',
  'address-outside-network',
  'duplicate-address',
  'subnet-overlap',
  'route-invalid-prefix',
  'route-gateway-unreachable',
  'route-exists',
  'unknown-interface',
  'unknown-sysctl',
  'unknown-host',
  'kubeadm-preflight',
  'control-plane-not-node',
  'service-subnet',
  'service-subnet-overlap',
  'node-ip',
  'node-join-order',
  'helm-value',
  'cilium-config',
  'pod-pool',
  'pod-pool-too-small',
  'pin',
  'manifest',
] as const;

export type LabFileErrorCode = (typeof LAB_FILE_ERROR_CODES)[number];

export interface LabFileErrorInit {
  readonly code: LabFileErrorCode;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Field path as the user wrote it ("hosts[1].interfaces[1].address"); "" for the whole file. */
  readonly path: string;
  /** The message without its "file:line:col: path: " prefix. */
  readonly detail: string;
}

export class LabFileError extends Error {
  override readonly name = 'LabFileError';
  readonly code: LabFileErrorCode;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly detail: string;

  constructor(init: LabFileErrorInit) {
    super(`${init.file}:${init.line}:${init.column}: ${init.path === '' ? '' : `${init.path}: `}${init.detail}`);
    this.code = init.code;
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.path = init.path;
    this.detail = init.detail;
  }

  toJSON(): LabFileErrorInit & { readonly name: 'LabFileError'; readonly message: string } {
    const { name, message, code, file, line, column, path, detail } = this;
    return { name, message, code, file, line, column, path, detail };
  }
}

/** All errors of one load, one per line, in file order: what the CLI prints on stderr. */
export function formatLabFileErrors(errors: readonly LabFileError[]): string {
  return errors.map((e) => e.message).join('\n');
}
