// Layer shell: reads a scenario file's text into a checked Scenario, or into error lines naming the
// field ("steps[3].interruptAfter: \"2\" is not a duration: ...") as the lab file loader does.

import YAML from 'yaml';
import { parseDuration } from '../../lab/index.js';
import { scenarioSchema, STEP_KINDS, type Scenario } from './scenario-schema.js';

export type LoadScenarioResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly errors: string[] };

export function loadScenario(text: string, fileName: string): LoadScenarioResult {
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${fileName}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`] };
  }
  const r = scenarioSchema.safeParse(data);
  if (!r.success) return { ok: false, errors: r.error.issues.flatMap((i) => describeIssue(i.path, i.message, data)).map((m) => `${fileName}: ${m}`) };
  const errors: string[] = [];
  const names = Object.keys(r.data.terminals ?? { main: {} });
  r.data.steps.forEach((s, i) => {
    if (s.terminal !== undefined && !names.includes(s.terminal)) errors.push(`${fileName}: steps[${i}].terminal: no terminal "${s.terminal}" (terminals: ${names.join(', ')})`);
    for (const [k, v] of Object.entries(s)) {
      if ((k === 'interruptAfter' || k === 'timeout' || k === 'wait') && typeof v === 'string') {
        const d = parseDuration(v);
        if (!d.ok) errors.push(`${fileName}: steps[${i}].${k}: ${d.reason}`);
      }
    }
    for (const re of [...('expect' in s && s.expect ? [...(s.expect.patterns ?? []), ...(s.expect.absent ?? [])] : [])]) {
      try {
        new RegExp(re);
      } catch {
        errors.push(`${fileName}: steps[${i}].expect: invalid regular expression ${JSON.stringify(re)}`);
      }
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: r.data };
}

/** A step that matches no kind gets the errors of the kind its keys name ("run", "wait", ...). */
function describeIssue(path: readonly PropertyKey[], message: string, data: unknown): string[] {
  if (path.length === 2 && path[0] === 'steps' && typeof path[1] === 'number') {
    const step = (data as { steps: unknown[] }).steps[path[1]];
    const kind = step && typeof step === 'object' ? Object.keys(STEP_KINDS).find((k) => k in step) : undefined;
    if (!kind) return [`${formatPath(path)}: a step needs one of: ${Object.keys(STEP_KINDS).join(', ')}`];
    const r = STEP_KINDS[kind as keyof typeof STEP_KINDS].safeParse(step);
    if (!r.success) return r.error.issues.map((i) => `${formatPath([...path, ...i.path])}: ${i.message}`);
  }
  return [`${formatPath(path)}: ${message}`];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || '(top)';
}
