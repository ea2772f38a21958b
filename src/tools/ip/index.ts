// Layer tools (ip): the iproute2 commands this folder emulates, for the shell's registry.

import type { Tool } from '../process.js';
import { ip } from './ip.js';

export const commands: Record<string, Tool> = { ip };
