// Layer lab (lab file): renders labs/week4.yaml as the TypeScript module default-lab.ts, so the default
// lab needs no file system (browser). default-lab.test.ts compares the two and, with
// UPDATE_DEFAULT_LAB=1, rewrites default-lab.ts from the YAML file, the canonical copy.

export const DEFAULT_LAB_FILE = 'labs/week4.yaml';

/** The text of default-lab.ts for a given YAML text (a template literal with \, ` and ${ escaped). */
export function renderDefaultLabModule(yamlText: string): string {
  const body = yamlText.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
  return [
    '// Layer lab (lab file): the default lab, labs/week4.yaml embedded as text so it loads without a file',
    '// system (the web UI). Generated from the YAML file, which stays the canonical copy; default-lab.test.ts',
    '// fails when they differ, and UPDATE_DEFAULT_LAB=1 npx vitest run src/lab/lab-file regenerates this file.',
    '',
    "import { loadLabFileOrThrow } from './load-lab-file.js';",
    "import type { LabSpec } from './lab-spec.js';",
    '',
    `export const DEFAULT_LAB_FILE_NAME = '${DEFAULT_LAB_FILE}';`,
    '',
    `export const DEFAULT_LAB_TEXT = \`${body}\`;`,
    '',
    '/** The default lab (Cilium study week 4), loaded. @example loadDefaultLab().hosts.map((h) => h.name) */',
    'export function loadDefaultLab(): LabSpec {',
    '  return loadLabFileOrThrow(DEFAULT_LAB_TEXT, DEFAULT_LAB_FILE_NAME);',
    '}',
    '',
  ].join('\n');
}
