// Layer shell: the scenario file (YAML), checked with zod. A scenario names terminals (each logged in to a
// VM, or the workstation) and lists steps: a command typed in a terminal (waited for, left running, or
// interrupted after a delay), Ctrl-C, a pause of virtual time, a comment, or a reachability check.
// Expectations compare exit status and output. docs/scenarios.md is the reference.

import { z } from 'zod';

const expectSchema = z
  .object({
    /** `$?` after the command. */
    exit: z.number().int().min(0).max(255).optional(),
    /** Lines that must each appear in the output (runs of spaces collapsed on both sides). */
    lines: z.array(z.string()).optional(),
    /** Regular expressions that must each match a line. */
    patterns: z.array(z.string()).optional(),
    /** Regular expressions no line may match. */
    absent: z.array(z.string()).optional(),
    /** The whole output, exactly (after collapsing runs of spaces and trimming line ends). */
    output: z.string().optional(),
  })
  .strict();

const base = {
  terminal: z.string().optional(),
  /** Shown in the transcript as `# ...` before the step. */
  comment: z.string().optional(),
  expect: expectSchema.optional(),
};

const runStep = z
  .object({
    ...base,
    run: z.string(),
    /** Leave the command running and go on (tcpdump in a second terminal); stop it later with `interrupt`. */
    keepRunning: z.boolean().optional(),
    /** Press Ctrl-C after this much virtual time (Go duration: "2s", "1500ms"). */
    interruptAfter: z.string().optional(),
    /** Virtual time the command may take before the scenario fails (default 1h). */
    timeout: z.string().optional(),
  })
  .strict();

const interruptStep = z.object({ ...base, interrupt: z.literal(true) }).strict();

const waitStep = z.object({ ...base, wait: z.string() }).strict();

const reachStep = z
  .object({
    ...base,
    /** A VM name or a pod ("curl-pod", "kube-system/coredns-..."); `to` is an IPv4 address or $VARIABLE of the terminal. */
    reach: z.object({ from: z.string(), to: z.string(), expect: z.boolean().default(true) }).strict(),
  })
  .strict();

const noteStep = z.object({ note: z.string(), terminal: z.string().optional() }).strict();

export const stepSchema = z.union([runStep, interruptStep, waitStep, reachStep, noteStep]);

/** The schema of a step by the key that says what it does (for precise error messages). */
export const STEP_KINDS = { run: runStep, interrupt: interruptStep, wait: waitStep, reach: reachStep, note: noteStep } as const;

const terminalSchema = z
  .object({
    /** A VM of the lab, or "workstation" (the machine with the Vagrantfile). */
    host: z.string(),
    user: z.string().optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    /** A lab file relative to the scenario file; the default lab when absent. */
    lab: z.string().optional(),
    seed: z.number().int().optional(),
    /** Terminals by name, opened in order; the first is where steps without `terminal` run. */
    terminals: z.record(z.string(), terminalSchema).optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioStep = z.infer<typeof stepSchema>;
export type Expectation = z.infer<typeof expectSchema>;
