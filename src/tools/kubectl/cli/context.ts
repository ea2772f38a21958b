// Layer tools (kubectl): what a kubectl command runs with — its process, parsed flags, the kubeconfig and
// the namespace it selects (-n, else the context's, else "default"), the apiserver connection (refused
// without a kubeconfig, as client-go's default http://localhost:8080 is), and the server warning printer.

import type { ApiServer } from '../../../k8s/index.js';
import type { Lab } from '../../../lab/index.js';
import type { Process } from '../../process.js';
import { RawMessageError } from './errors.js';
import type { FlagSet } from './flag-set.js';
import { discoveryRefusedMessage, klogLine } from './klog.js';
import { currentContext, type Kubeconfig } from './kubeconfig.js';

/** How often a command's RESTMapper asks discovery again before giving up (the five memcache.go lines). */
const DISCOVERY_ATTEMPTS = 5;

export class Ctx {
  private readonly warned = new Set<string>();

  constructor(
    readonly p: Process,
    readonly flags: FlagSet,
    /** "kubectl rollout status", as cobra's CommandPath. */
    readonly path: string,
    readonly kubeconfig: Kubeconfig | undefined,
    /** Positional arguments before `--` (-1 without one), as cobra's ArgsLenAtDash. */
    readonly argsLenAtDash = -1,
  ) {}

  get lab(): Lab {
    return this.p.lab;
  }

  out(text: string): void {
    if (text !== '') this.p.out(text);
  }

  err(text: string): void {
    if (text !== '') this.p.err(text);
  }

  /** rest.WarningWriter with Deduplicate: each distinct server warning once per invocation. */
  warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.p.err(`Warning: ${message}\n`);
  }

  /** The apiserver, or the refusal kubectl prints when no kubeconfig names a server. */
  api(): ApiServer {
    if (!this.connected()) {
      throw new RawMessageError('The connection to the server localhost:8080 was refused - did you specify the right host or port?');
    }
    return this.lab.k8s.api;
  }

  connected(): boolean {
    return this.kubeconfig !== undefined && this.server() !== undefined;
  }

  /**
   * The apiserver for resource discovery (the RESTMapper). Refused, the cached discovery client logs its
   * error on every attempt before the command fails.
   */
  discoveryApi(): ApiServer {
    if (!this.connected()) {
      const pid = this.p.host.nextPid();
      const wallUs = this.nowMs() * 1000;
      const line = klogLine('E', wallUs, this.lab.spec.clock.timezone, pid, 'memcache.go:265', discoveryRefusedMessage('http://localhost:8080', '127.0.0.1:8080'));
      this.err(line.repeat(DISCOVERY_ATTEMPTS));
    }
    return this.api();
  }

  /** The server URL of the selected context's cluster. */
  server(): string | undefined {
    const explicit = this.flags.string('server');
    if (explicit) return explicit;
    const cfg = this.kubeconfig;
    if (!cfg) return undefined;
    const ctx = currentContext(cfg, this.flags.string('context'));
    const cluster = this.flags.string('cluster') || ctx?.context.cluster;
    return cfg.clusters.find((c) => c.name === cluster)?.cluster.server;
  }

  /** ToRawKubeConfigLoader().Namespace(): -n, else the context's namespace, else "default". */
  namespace(): string {
    const flag = this.flags.string('namespace');
    if (flag) return flag;
    const ctx = this.kubeconfig ? currentContext(this.kubeconfig, this.flags.string('context')) : undefined;
    return ctx?.context.namespace || 'default';
  }

  /** Whether the namespace was given with -n (enforceNamespace for manifests). */
  explicitNamespace(): boolean {
    return this.flags.string('namespace') !== '';
  }

  /** Virtual wall-clock milliseconds (time.Now() of the client). */
  nowMs(): number {
    return this.lab.k8s.clock.wallMs();
  }
}
