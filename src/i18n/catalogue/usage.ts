import { defineMessages } from '../define-messages.js';

/**
 * The usage line of each `/sama` sub-command, after `/sama `: keywords and literal values are the
 * same in both languages, the names of what a person types (`<conteneur>`, `<container>`) are not.
 */
export const usageMessages = defineMessages({
  fr: {
    'usage.help': 'help',
    'usage.status': 'status',
    'usage.diagnose': 'diagnose [{playbooks}]',
    'usage.report': 'report {kinds}',
    'usage.audit': 'audit [n]',
    'usage.slo': 'slo [AAAA-MM]',
    'usage.incident':
      'incident open N1|N2|N3 <titre> | list | show <n°> | ack <n°> | resolve <n°> | reopen <n°> | postmortem <n°>',
    'usage.oncall': 'oncall | oncall override <@personne> <rôle> <durée> | oncall test [<@personne>]',
    'usage.maintenance': 'maintenance [start <durée> <raison> | stop]',
    'usage.restart': 'restart <conteneur>|api',
    'usage.purge': 'purge <file>',
    'usage.killQueries': 'kill-queries [<durée>]',
    'usage.vacuum': 'vacuum [<table> | <schéma>.<table>]',
    'usage.scale': 'scale <service> <nombre>',
    'usage.cleanup': 'cleanup <serveur>',
    'usage.flushRedis': 'flush-redis',
  },
  en: {
    'usage.help': 'help',
    'usage.status': 'status',
    'usage.diagnose': 'diagnose [{playbooks}]',
    'usage.report': 'report {kinds}',
    'usage.audit': 'audit [n]',
    'usage.slo': 'slo [YYYY-MM]',
    'usage.incident':
      'incident open N1|N2|N3 <title> | list | show <id> | ack <id> | resolve <id> | reopen <id> | postmortem <id>',
    'usage.oncall': 'oncall | oncall override <@person> <role> <duration> | oncall test [<@person>]',
    'usage.maintenance': 'maintenance [start <duration> <reason> | stop]',
    'usage.restart': 'restart <container>|api',
    'usage.purge': 'purge <queue>',
    'usage.killQueries': 'kill-queries [<duration>]',
    'usage.vacuum': 'vacuum [<table> | <schema>.<table>]',
    'usage.scale': 'scale <service> <count>',
    'usage.cleanup': 'cleanup <server>',
    'usage.flushRedis': 'flush-redis',
  },
});
