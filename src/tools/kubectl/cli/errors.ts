// Layer tools (kubectl): the error kinds kubectl's commands return, which cmdutil.CheckErr turns into text:
// a plain error ("error: " + message), an already formatted message, an aggregate (one line each), an
// unknown resource type (NoResourceMatchError), and a command's exit status (utilexec.ExitError).

/** An error printed as "error: <message>" (exit 1). */
export class KubectlError extends Error {}

/** A message printed exactly as is (StandardErrorMessage cases such as the connection refusal). */
export class RawMessageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The builder's mapping error: `the server doesn't have a resource type "podz"` (a plain error). */
export class NoResourceMatchError extends KubectlError {
  constructor(readonly resource: string) {
    super(`the server doesn't have a resource type ${JSON.stringify(resource)}`);
  }
}

/** utilerrors.Aggregate: several errors, printed one per line. */
export class AggregateError extends Error {
  constructor(readonly errors: readonly unknown[]) {
    super(errors.map(String).join(', '));
  }
}

/** utilexec.ExitError: the remote command's status (kubectl exec), printed as its message. */
export class ExitStatusError extends Error {
  constructor(
    readonly exitStatus: number,
    message: string,
  ) {
    super(message);
  }
}

/** cmdutil.ErrExit: exit 1 without printing anything more. */
export class SilentExit extends Error {
  constructor(readonly exitCode = 1) {
    super('exit');
  }
}

/** Ctrl-C: kubectl does not trap SIGINT, so it dies of it (status 130) mid-wait. */
export const interrupted = (): SilentExit => new SilentExit(130);

/** cmdutil.UsageErrorf: the message and a pointer to `-h`. */
export function usageError(cmdPath: string, message: string): KubectlError {
  return new KubectlError(`${message}\nSee '${cmdPath} -h' for help and examples`);
}
