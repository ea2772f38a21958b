// web: the page's entry — builds the lab (the default one, or the lab file loaded from the page, kept
// in sessionStorage across the reload), opens a terminal on the control plane, draws the topology and
// wires the packet timeline, the what-if panel and the downloads. Sets data-ready-ms on <body> (ms since
// navigation) when the prompt and the topology are both there, with performance marks on the way
// (ciliumlab:script when the main script starts running, :main once its modules are set up, :lab-built,
// :prompt, :topology, and :elk-layout once ELK's layout has replaced the quick first one): the e2e tests
// and the bench read them.

import './app/zod-config.js';
import '@xterm/xterm/css/xterm.css';
import './styles.css';
import { DEFAULT_LAB_FILE_NAME, loadDefaultLab, type LabSpec } from '../../src/index.browser.js';
import { LabRuntime } from './app/lab-runtime.js';
import { LabClock } from './app/wall-clock.js';
import { mountApp } from './app/app-shell.js';
import { savedLab } from './labfile/saved-lab.js';
import { preloadTopology } from './topology/topology-view.js';

performance.mark('ciliumlab:main');

/** ?seed=N (the lab's RNG) and ?clock=N (how many lab seconds pass per second). */
function numberParam(name: string): number | undefined {
  const s = new URLSearchParams(location.search).get(name);
  return s !== null && /^\d+$/.test(s) ? Number(s) : undefined;
}

async function start(spec: LabSpec, fileName: string): Promise<void> {
  preloadTopology();
  try {
    const runtime = new LabRuntime(spec, fileName, numberParam('seed'), new LabClock(Math.max(1, numberParam('clock') ?? 1)));
    performance.mark('ciliumlab:lab-built');
    await mountApp(runtime);
    document.body.dataset['readyMs'] = String(Math.round(performance.now()));
  } catch (e) {
    document.body.textContent = `The lab could not start: ${e instanceof Error ? e.message : String(e)}`;
    throw e;
  }
}

const saved = savedLab();
void start(saved?.spec ?? loadDefaultLab(), saved?.fileName ?? DEFAULT_LAB_FILE_NAME);
