// Layer tools (kubectl): the commands this folder provides to the shell — kubectl 1.33 (`k` is the shell's
// alias for it, from /etc/profile on the control plane).

import type { Tool } from '../process.js';
import { kubectl } from './kubectl.js';

export { kubectl };
export const commands: Record<string, Tool> = { kubectl };
