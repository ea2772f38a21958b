// web (lab file): the lab file loaded from the page survives the reload that builds it: its text and
// name sit in sessionStorage (per tab, also from file://). A stored text that no longer loads is dropped.

import { loadLabFile, type LabSpec } from '../../../src/index.browser.js';

const KEY = 'ciliumlab.labFile';

export function saveLab(fileName: string, text: string): void {
  sessionStorage.setItem(KEY, JSON.stringify({ fileName, text }));
}

export function forgetLab(): void {
  sessionStorage.removeItem(KEY);
}

export function savedLab(): { spec: LabSpec; fileName: string; text: string } | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (raw === null) return undefined;
  const { fileName, text } = JSON.parse(raw) as { fileName: string; text: string };
  const r = loadLabFile(text, fileName);
  if (r.ok) return { spec: r.lab, fileName, text };
  forgetLab();
  return undefined;
}
