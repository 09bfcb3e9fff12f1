import { defineMessages } from '../define-messages.js';

/** Running the bot as a service: its mode, its database's schema, `samaops migrate` and `wait-ready`. */
export const operationsMessages = defineMessages({
  fr: {
    'deploy.mode.invalidEnv': 'environnement invalide : {reason}',
    'deploy.mode.unknown': 'SAMAOPS_MODE vaut socket, http ou console, pas « {given} »',
    'deploy.mode.appToken': 'SLACK_APP_TOKEN doit être un jeton de niveau application (xapp-…)',
    'deploy.mode.none':
      'ni identifiants Slack ni terminal : définir SAMAOPS_MODE=socket (SLACK_BOT_TOKEN, SLACK_APP_TOKEN) ou SAMAOPS_MODE=http (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET) ; variables cherchées : {variables}',
    'deploy.mode.both':
      'SLACK_APP_TOKEN et SLACK_SIGNING_SECRET sont tous deux définis : définir SAMAOPS_MODE=socket ou SAMAOPS_MODE=http',
    'deploy.mode.botTokenAlone':
      'SLACK_BOT_TOKEN seul ne suffit pas : ajouter SLACK_APP_TOKEN (Socket Mode) ou SLACK_SIGNING_SECRET (mode HTTP)',
    'deploy.mode.missing': '{name} manque{hint} : le mode {mode} en a besoin',
    'deploy.schemaAhead':
      'le schéma de la base du bot est plus récent que ce samaops (il a {migrations}) : lancer la version de samaops qui l’a migrée, ou restaurer la sauvegarde de la base prise avant cette mise à jour',
    'deploy.ackLink.secretMissing': 'SAMAOPS_PUBLIC_URL est défini mais SAMAOPS_LINK_SECRET manque',
    'deploy.ackLink.urlMissing': 'SAMAOPS_LINK_SECRET est défini mais SAMAOPS_PUBLIC_URL manque',
    'deploy.ackLink.secretShort':
      'SAMAOPS_LINK_SECRET doit avoir au moins {min} caractères (par exemple openssl rand -hex 32)',
    'deploy.ackLink.url': 'SAMAOPS_PUBLIC_URL doit être une URL http:// ou https:// sans identifiants',
    'deploy.ackLink.ttl': 'SAMAOPS_LINK_TTL doit être une durée entre 1m et 7d, par exemple 2h',
    'deploy.heartbeat.url': 'SAMAOPS_HEARTBEAT_URL doit être une URL http:// ou https://',
    'deploy.heartbeat.every': '`SAMAOPS_HEARTBEAT_EVERY` doit être une durée entre 1s et 10m',
    'deploy.port': 'PORT doit être un numéro de port, pas « {given} »',
    'cli.migrate.noDatabase': 'samaops : DATABASE_URL n’est pas défini : il désigne la base du bot à migrer',
    'cli.migrate.failed': 'samaops : migrate : {reason}',
    'cli.migrate.upToDate':
      'base du bot à jour : {count, plural, one {# migration} other {# migrations}}, aucune en attente',
    'cli.migrate.applied':
      '{applied, plural, one {# migration appliquée} other {# migrations appliquées}} sur {total} : {names}',
    'cli.waitReady.ready': 'samaops prêt : {body}',
    'cli.waitReady.notReady': 'samaops : pas prêt après {seconds} s à {url} : {last}',
    'cli.waitReady.noAnswer': 'aucune réponse',
  },
  en: {
    'deploy.mode.invalidEnv': 'invalid environment: {reason}',
    'deploy.mode.unknown': 'SAMAOPS_MODE must be socket, http or console, not "{given}"',
    'deploy.mode.appToken': 'SLACK_APP_TOKEN must be an app-level token (xapp-…)',
    'deploy.mode.none':
      'no Slack credentials and no terminal: set SAMAOPS_MODE=socket (SLACK_BOT_TOKEN, SLACK_APP_TOKEN) or SAMAOPS_MODE=http (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET); looked for {variables}',
    'deploy.mode.both':
      'both SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are set: set SAMAOPS_MODE=socket or SAMAOPS_MODE=http',
    'deploy.mode.botTokenAlone':
      'SLACK_BOT_TOKEN alone is not enough: add SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)',
    'deploy.mode.missing': '{name} is missing{hint}: {mode} mode needs it',
    'deploy.schemaAhead':
      'the bot database’s schema is newer than this samaops (it has {migrations}): run the samaops version that migrated it, or restore the database backup taken before that upgrade',
    'deploy.ackLink.secretMissing': 'SAMAOPS_PUBLIC_URL is set but SAMAOPS_LINK_SECRET is missing',
    'deploy.ackLink.urlMissing': 'SAMAOPS_LINK_SECRET is set but SAMAOPS_PUBLIC_URL is missing',
    'deploy.ackLink.secretShort':
      'SAMAOPS_LINK_SECRET must have at least {min} characters (e.g. openssl rand -hex 32)',
    'deploy.ackLink.url': 'SAMAOPS_PUBLIC_URL must be an http:// or https:// URL without credentials',
    'deploy.ackLink.ttl': 'SAMAOPS_LINK_TTL must be a duration between 1m and 7d, e.g. 2h',
    'deploy.heartbeat.url': 'SAMAOPS_HEARTBEAT_URL must be an http:// or https:// URL',
    'deploy.heartbeat.every': '`SAMAOPS_HEARTBEAT_EVERY` must be a duration between 1s and 10m',
    'deploy.port': 'PORT must be a port number, not "{given}"',
    'cli.migrate.noDatabase': 'samaops: DATABASE_URL is not set: it names the bot database to migrate',
    'cli.migrate.failed': 'samaops: migrate: {reason}',
    'cli.migrate.upToDate':
      'bot database up to date: {count, plural, one {# migration} other {# migrations}}, none pending',
    'cli.migrate.applied':
      'applied {applied} of {total, plural, one {# migration} other {# migrations}}: {names}',
    'cli.waitReady.ready': 'samaops ready: {body}',
    'cli.waitReady.notReady': 'samaops: not ready after {seconds} s at {url}: {last}',
    'cli.waitReady.noAnswer': 'no answer',
  },
});
