// Vitest setup: property tests draw from one fixed seed, so a run is repeatable (set FC_SEED to explore others).
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20251126) });
