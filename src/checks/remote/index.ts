import type { CheckId, CheckKind } from '../check.js';
import { diskUsage } from './disk-usage.js';
import { dockerContainers } from './docker-containers.js';
import { hostReachable } from './host-reachable.js';
import { hostWrapper } from './host-wrapper.js';
import { logsErrors } from './logs-errors.js';

/** Checks that run over SSH on the servers (host, disk, containers, logs), by id. */
export const remoteCheckKinds = {
  'host.reachable': hostReachable,
  'host.wrapper': hostWrapper,
  'disk.usage': diskUsage,
  'docker.containers': dockerContainers,
  'logs.errors': logsErrors,
} satisfies Partial<Record<CheckId, CheckKind>>;
