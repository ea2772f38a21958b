// web (lab file): "Load lab…" — a dialog with the lab file's YAML (typed, pasted or picked from disk).
// loadLabFile checks it; its errors are listed as file:line:col messages, and choosing one puts the caret
// there. A lab that loads is kept for the tab and the page reloads to build it (the default lab is one
// click away).

import { DEFAULT_LAB_TEXT, loadLabFile } from '../../../src/index.browser.js';
import { fill, h } from '../app/dom.js';
import { forgetLab, saveLab, savedLab } from './saved-lab.js';

export class LabLoader {
  readonly dialog: HTMLDialogElement;
  private readonly text = h('textarea', { id: 'lab-text', rows: 24, cols: 90, spellcheck: false, 'aria-describedby': 'lab-errors' });
  private readonly fileName = h('input', { type: 'text', id: 'lab-name', value: 'my-lab.yaml', spellcheck: false });
  private readonly errors = h('ol', { id: 'lab-errors', class: 'lab-errors', role: 'alert', 'aria-label': 'Errors in the lab file' });

  constructor() {
    const picker = h('input', { type: 'file', id: 'lab-file', accept: '.yaml,.yml,text/yaml' });
    picker.addEventListener('change', () => void this.pick(picker));
    this.dialog = h(
      'dialog',
      { class: 'lab-loader', 'aria-labelledby': 'lab-loader-title' },
      h('h2', { id: 'lab-loader-title' }, 'Load a lab file'),
      h('p', {}, 'Describe your own topology (docs/lab-file.md): edit the text or open a file, then build it.'),
      h('div', { class: 'toolbar' }, h('label', { for: 'lab-file' }, 'Open a file '), picker, h('label', { for: 'lab-name' }, 'Name '), this.fileName),
      h('label', { for: 'lab-text', class: 'visually-hidden' }, 'Lab file (YAML)'),
      this.text,
      this.errors,
      h(
        'div',
        { class: 'toolbar' },
        h('button', { type: 'button', id: 'build-lab', onclick: () => this.build() }, 'Build this lab'),
        h('button', { type: 'button', onclick: () => this.useDefault() }, 'Back to the default lab'),
        h('button', { type: 'button', onclick: () => this.dialog.close() }, 'Cancel'),
      ),
    );
  }

  open(): void {
    const saved = savedLab();
    this.text.value = saved?.text ?? DEFAULT_LAB_TEXT;
    if (saved) this.fileName.value = saved.fileName;
    fill(this.errors);
    this.dialog.showModal();
    this.text.focus();
  }

  private async pick(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    this.fileName.value = file.name;
    this.text.value = await file.text();
  }

  private build(): void {
    const name = this.fileName.value.trim() || 'lab.yaml';
    const r = loadLabFile(this.text.value, name);
    if (!r.ok) {
      fill(this.errors, ...r.errors.map((e) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => this.caretAt(e.line, e.column) }, e.message))));
      return;
    }
    saveLab(name, this.text.value);
    location.reload();
  }

  private useDefault(): void {
    forgetLab();
    location.reload();
  }

  private caretAt(line: number, column: number): void {
    const lines = this.text.value.split('\n');
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    this.text.focus();
    this.text.setSelectionRange(offset, offset);
  }
}
