// Vite build of the browser lab (web/ → dist-web/). The output is one classic script, one stylesheet,
// Cytoscape run before that script, the layout engine loaded on demand, and index.html with relative
// URLs, so the same files run from file:// (no module scripts, no fetch, no workers) or any static server
// (with a gzipped copy of each script beside it for `ciliumlab web`). just-bash's browser bundle lacks
// the `parse` export the shell uses; a transform adds it.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const require = createRequire(import.meta.url);
/** Libraries the page loads with a classic <script> (see classicScript), copied to assets/ as they are published. */
const ON_DEMAND: Readonly<Record<string, string>> = {
  'elk-worker.js': require.resolve('elkjs/lib/elk-worker.min.js'),
  'elk.js': require.resolve('elkjs/lib/elk.bundled.js'),
  'cytoscape.js': require.resolve('cytoscape/dist/cytoscape.min.js'),
};

/** just-bash 3.4.2's browser bundle defines `function NAME(e,t){return new P().parse(e,t)}` but exports only Bash & co. */
function justBashParse(): Plugin {
  return {
    name: 'ciliumlab:just-bash-parse',
    transform(code, id) {
      if (!id.includes('just-bash/dist/bundle/browser.js')) return undefined;
      const m = /function ([\w$]+)\(([\w$]+),([\w$]+)\)\{return new [\w$]+\(\)\.parse\(\2,\3\)\}/.exec(code);
      if (!m) throw new Error('just-bash browser bundle: the parse function was not found (was just-bash upgraded?)');
      return { code: `${code}\nexport { ${m[1]} as parse };\n`, map: null };
    },
  };
}

/**
 * Classic scripts load from file://, module scripts do not: drop type=module and crossorigin from the page.
 * Cytoscape, which the first picture needs, is a deferred script before the main one: the browser fetches
 * and parses both at once, and runs Cytoscape first (the page then finds its global already defined).
 */
function classicScript(): Plugin {
  return {
    name: 'ciliumlab:classic-script',
    enforce: 'post',
    transformIndexHtml: (html) =>
      html.replace(/<script type="module" crossorigin/g, '<script defer src="./assets/cytoscape.js"></script>\n    <script defer').replace(/ crossorigin/g, ''),
  };
}

/** just-bash's interpreter for awk, sed, jq and the like, as a classic script defining `ciliumlabJustBash` (see web/src/app/just-bash-engine.ts). */
async function justBashScript(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: { contents: "export { Bash, InMemoryFs } from 'just-bash';", resolveDir: here('.'), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'ciliumlabJustBash',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    alias: { 'node:zlib': here('stubs/node-zlib.ts') },
    logLevel: 'error',
  });
  return out.outputFiles[0]?.text ?? '';
}

/**
 * The shell needs only just-bash's parser: the delegated utilities' interpreter is left out of the main
 * script (the module that supplies it is swapped for one that loads assets/just-bash.js on first use).
 */
function justBashOnDemand(): Plugin {
  const SHELL_ENGINE = /src\/shell\/coreutils\/delegate\.ts$/;
  let script: Promise<string> | undefined;
  return {
    name: 'ciliumlab:just-bash-on-demand',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === './just-bash-engine.js' && importer !== undefined && SHELL_ENGINE.test(importer) ? here('src/app/just-bash-engine.ts') : undefined;
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'assets/just-bash.js', source: await justBashScript() });
    },
    configureServer(server) {
      server.middlewares.use('/assets/just-bash.js', (_req, res) => {
        script ??= justBashScript();
        void script.then((js) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(js);
        });
      });
    },
  };
}

/** The topology's libraries stay out of the main script: ELK (480 KB gzipped; a worker over HTTP, in the page from file://) and Cytoscape (137 KB). */
function onDemandAssets(): Plugin {
  return {
    name: 'ciliumlab:on-demand-assets',
    generateBundle() {
      for (const [name, file] of Object.entries(ON_DEMAND)) this.emitFile({ type: 'asset', fileName: `assets/${name}`, source: readFileSync(file) });
    },
    configureServer(server) {
      for (const [name, file] of Object.entries(ON_DEMAND)) {
        server.middlewares.use(`/assets/${name}`, (_req, res) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync(file));
        });
      }
    },
  };
}

/**
 * The scripts built from web/ and src/ stay Latin-1 (the libraries in assets/ are as published): esbuild
 * escapes other characters in strings (charset: 'ascii'), not in regular expressions, so the source must.
 * One character above U+00FF makes the browser hold the whole 2 MB main script as UTF-16 (twice the
 * memory); with DevTools attached, as bench:web and the e2e tests drive the page, a first visit's script
 * also started 60-160 ms later here (without DevTools no difference was measured).
 */
function latin1Scripts(): Plugin {
  let isMinified = true;
  return {
    name: 'ciliumlab:latin1-scripts',
    apply: 'build',
    configResolved: (config) => void (isMinified = config.build.minify !== false),
    generateBundle(_options, bundle) {
      // Unminified, the comments are kept as written.
      if (!isMinified) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const at = chunk.code.search(/[^\u0000-\u00ff]/);
        if (at >= 0) this.error(`${chunk.fileName}: a character above U+00FF in ${JSON.stringify(chunk.code.slice(Math.max(0, at - 60), at + 10))}; write it as \\uXXXX in the source`);
      }
    },
  };
}

/** FILE.gz beside each text file over 1 KB, for `ciliumlab web` to send to browsers that accept gzip. */
function gzipCopies(): Plugin {
  let outDir = '';
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
  return {
    name: 'ciliumlab:gzip-copies',
    apply: 'build',
    configResolved: (config) => void (outDir = config.build.outDir),
    writeBundle() {
      for (const f of walk(outDir)) {
        if (/\.(?:html|js|css|json|svg|txt)$/.test(f) && statSync(f).size > 1024) writeFileSync(`${f}.gz`, gzipSync(readFileSync(f), { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [justBashParse(), justBashOnDemand(), classicScript(), onDemandAssets(), latin1Scripts(), gzipCopies()],
  resolve: {
    alias: { 'node:zlib': here('stubs/node-zlib.ts') },
    conditions: ['browser'],
  },
  // The dev server must not pre-bundle just-bash (the parse export is added by a transform); its own
  // CommonJS dependencies are pre-bundled instead.
  optimizeDeps: { exclude: ['just-bash'], include: ['just-bash > diff', 'just-bash > minimatch', 'just-bash > sprintf-js', 'just-bash > turndown'] },
  // Minified with \u escapes for characters beyond ASCII (see latin1Scripts).
  esbuild: { charset: 'ascii' },
  build: {
    outDir: here('../dist-web'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // ciliumlab:script marks when the main script starts running (what comes before is loading and
      // parsing it; from there to ciliumlab:main, setting up its modules).
      output: { format: 'iife', inlineDynamicImports: true, entryFileNames: 'assets/app.js', assetFileNames: 'assets/[name][extname]', intro: "performance.mark('ciliumlab:script');" },
    },
  },
});
