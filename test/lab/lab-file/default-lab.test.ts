// default-lab.ts embeds labs/week4.yaml; they must never drift. UPDATE_DEFAULT_LAB=1 regenerates the
// module from the YAML file (the canonical copy).

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB_FILE_NAME, DEFAULT_LAB_TEXT, loadDefaultLab } from '../../../src/lab/lab-file/default-lab.js';
import { renderDefaultLabModule } from '../../../src/lab/lab-file/default-lab-source.js';

const YAML_FILE = new URL('../../../labs/week4.yaml', import.meta.url);
const MODULE_FILE = new URL('../../../src/lab/lab-file/default-lab.ts', import.meta.url);

describe('default lab', () => {
  it('embeds labs/week4.yaml byte for byte', () => {
    const yaml = readFileSync(YAML_FILE, 'utf8');
    if (process.env['UPDATE_DEFAULT_LAB'] === '1') writeFileSync(MODULE_FILE, renderDefaultLabModule(yaml));
    expect(DEFAULT_LAB_TEXT).toBe(yaml);
    expect(readFileSync(MODULE_FILE, 'utf8')).toBe(renderDefaultLabModule(yaml));
    expect(DEFAULT_LAB_FILE_NAME).toBe('labs/week4.yaml');
  });

  it('loads', () => {
    expect(loadDefaultLab().hosts.map((h) => h.name)).toEqual(['k8s-ctr', 'k8s-w1', 'router', 'k8s-w0']);
  });
});
