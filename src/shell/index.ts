// Layer shell: the public face of the lab shell for the CLI, the web UI and tests — sessions, terminals,
// scenarios and the virtual-time driver.

export { LabSession, type SessionOptions } from './session/session.js';
export { Terminal, type Screen } from './session/terminal.js';
export { VirtualTimeDriver, VirtualTimeStall, type MacrotaskYield } from './virtual-time-driver.js';
export { loadScenario, type LoadScenarioResult } from './scenario/load-scenario.js';
export { runScenario, type ScenarioResult, type ScenarioRunOptions } from './scenario/run-scenario.js';
export type { Scenario, ScenarioStep } from './scenario/scenario-schema.js';
export { BUILTINS } from './builtins/index.js';
