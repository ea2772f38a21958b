// web (app): zod's settings in the page, made before any schema is built (main.ts imports this module
// first). Served by `ciliumlab web`, the page's Content-Security-Policy forbids eval, so zod's compiled
// object parsers never run there; unless told it is jitless, zod still probes with `new Function` as its
// first object schema is built, and the browser raises a securitypolicyviolation for the blocked eval.
// With DevTools attached (bench:web, the e2e tests), its stack made V8 reparse the 2 MB main script.

import { z } from 'zod';

z.config({ jitless: true });
