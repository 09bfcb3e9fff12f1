import type { SubCommand } from '../sub-command.js';
import { auditCommand } from './audit-command.js';
import { cleanupCommand } from './cleanup-command.js';
import { diagnoseCommand } from './diagnose-command.js';
import { flushRedisCommand } from './flush-redis-command.js';
import { helpCommand } from './help-command.js';
import { incidentCommand } from './incident-command.js';
import { killQueriesCommand } from './kill-queries-command.js';
import { maintenanceCommand } from './maintenance-command.js';
import { oncallCommand } from './oncall-command.js';
import { purgeCommand } from './purge-command.js';
import { reportCommand } from './report-command.js';
import { restartCommand } from './restart-command.js';
import { scaleCommand } from './scale-command.js';
import { sloCommand } from './slo-command.js';
import { statusCommand } from './status-command.js';
import { vacuumCommand } from './vacuum-command.js';

/** Every `/sama` sub-command, in the order the help lists them. A new one is one file and one line here. */
export const subCommands: readonly SubCommand[] = [
  helpCommand,
  diagnoseCommand,
  statusCommand,
  restartCommand,
  purgeCommand,
  killQueriesCommand,
  vacuumCommand,
  scaleCommand,
  cleanupCommand,
  flushRedisCommand,
  auditCommand,
  incidentCommand,
  oncallCommand,
  maintenanceCommand,
  reportCommand,
  sloCommand,
];
