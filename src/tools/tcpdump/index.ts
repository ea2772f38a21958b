// Layer tools (tcpdump): the commands this folder provides to the shell.

import type { Tool } from '../process.js';
import { tcpdump } from './tcpdump.js';

export const commands: Record<string, Tool> = { tcpdump };
