// Layer tools (kubectl): the commands this folder provides to the shell (`k` is the shell's alias).
import type { Tool } from '../process.js';
import { kubectl } from './kubectl.js';

export { kubectl };
export const commands: Record<string, Tool> = { kubectl };
