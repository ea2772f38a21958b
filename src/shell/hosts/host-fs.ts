// Layer shell: the files of one host — a small in-memory tree (regular files and directories) plus
// mounted providers whose contents are computed when read, such as /proc/sys from the namespace's
// sysctls. Paths are absolute and normalised; errors are errno names that callers turn into messages.

export type FsError = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EACCES';

/** A computed subtree (/proc/sys): paths are relative to the mount point, "" is its root. */
export interface FsProvider {
  isDir(rel: string): boolean;
  list(rel: string): string[];
  read(rel: string): string | undefined;
  write(rel: string, content: string): FsError | undefined;
}

type Node = { readonly kind: 'dir' } | { kind: 'file'; content: string };

export class HostFs {
  private readonly nodes = new Map<string, Node>([['/', { kind: 'dir' }]]);
  private readonly mounts = new Map<string, FsProvider>();

  mount(at: string, provider: FsProvider): void {
    this.mkdirp(parentOf(at));
    this.mounts.set(at, provider);
  }

  read(path: string): string | undefined {
    const m = this.mountOf(path);
    if (m) return m.provider.read(m.rel);
    const n = this.nodes.get(path);
    return n?.kind === 'file' ? n.content : undefined;
  }

  /** Why reading `path` fails, if it does. */
  readError(path: string): FsError | undefined {
    if (this.read(path) !== undefined) return undefined;
    return this.isDir(path) ? 'EISDIR' : 'ENOENT';
  }

  write(path: string, content: string, opts: { append?: boolean } = {}): FsError | undefined {
    const m = this.mountOf(path);
    // procfs: opening with O_TRUNC changes nothing; each write(2) is the whole new value.
    if (m) return content === '' ? (m.provider.read(m.rel) === undefined ? 'ENOENT' : undefined) : m.provider.write(m.rel, content);
    const n = this.nodes.get(path);
    if (n?.kind === 'dir') return 'EISDIR';
    const parent = this.nodes.get(parentOf(path));
    if (!parent) return 'ENOENT';
    if (parent.kind !== 'dir') return 'ENOTDIR';
    if (n?.kind === 'file' && opts.append) n.content += content;
    else this.nodes.set(path, { kind: 'file', content });
    return undefined;
  }

  exists(path: string): boolean {
    return this.isDir(path) || this.read(path) !== undefined;
  }

  isDir(path: string): boolean {
    const m = this.mountOf(path);
    if (m) return m.provider.isDir(m.rel);
    if (this.mounts.has(path)) return true;
    return this.nodes.get(path)?.kind === 'dir';
  }

  /** Names in a directory, sorted. */
  list(dir: string): string[] {
    const m = this.mountOf(dir);
    if (m) return m.provider.list(m.rel).sort();
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Set<string>();
    for (const p of [...this.nodes.keys(), ...this.mounts.keys()]) {
      if (p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.add(p.slice(prefix.length));
    }
    return [...names].sort();
  }

  mkdirp(path: string): void {
    let cur = '';
    for (const part of path.split('/').filter(Boolean)) {
      cur += `/${part}`;
      if (!this.nodes.has(cur)) this.nodes.set(cur, { kind: 'dir' });
    }
  }

  remove(path: string): FsError | undefined {
    const n = this.nodes.get(path);
    if (!n) return 'ENOENT';
    if (n.kind === 'dir' && this.list(path).length > 0) return 'EISDIR';
    this.nodes.delete(path);
    return undefined;
  }

  private mountOf(path: string): { provider: FsProvider; rel: string } | undefined {
    for (const [at, provider] of this.mounts) {
      if (path === at) return { provider, rel: '' };
      if (path.startsWith(`${at}/`)) return { provider, rel: path.slice(at.length + 1) };
    }
    return undefined;
  }
}

/** An absolute, normalised path: `cd ..`, `./x`, `~` already replaced by the caller. */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** strerror text for an errno name, as coreutils print it. */
export function errorText(e: FsError): string {
  switch (e) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EACCES':
      return 'Permission denied';
  }
}
