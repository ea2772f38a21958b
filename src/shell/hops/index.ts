// Layer shell: the commands the shell itself provides because they move between hosts or start shells:
// bash/sh/ash/zsh, ssh, sshpass, vagrant, sudo and su.

import type { Tool } from '../../tools/process.js';
import type { LabSession } from '../session/session.js';
import { shellTool } from './shell-tool.js';
import { sshpassTool, sshTool } from './ssh.js';
import { sudoTool, suTool } from './sudo.js';
import { vagrantTool } from './vagrant.js';

export function shellCommands(session: LabSession): Array<[string, Tool]> {
  const bash = shellTool(session, 'bash');
  const sh = shellTool(session, 'sh');
  return [
    ['bash', bash],
    ['sh', sh],
    ['ash', sh],
    ['zsh', bash],
    ['ssh', sshTool(session)],
    ['sshpass', sshpassTool(session)],
    ['vagrant', vagrantTool(session)],
    ['sudo', sudoTool(session)],
    ['su', suTool()],
  ];
}
