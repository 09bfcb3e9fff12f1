import type { SubCommand } from '../sub-command.js';
import { diagnoseCommand } from './diagnose-command.js';
import { helpCommand } from './help-command.js';
import { statusCommand } from './status-command.js';

/** Every `/sama` sub-command, in the order the help lists them. A new one is one file and one line here. */
export const subCommands: readonly SubCommand[] = [helpCommand, diagnoseCommand, statusCommand];
