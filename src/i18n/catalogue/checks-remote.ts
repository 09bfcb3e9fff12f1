import { defineMessages } from '../define-messages.js';

/** Messages of the SSH layer and the checks that run over it (host, disk, containers, logs). */
export const remoteCheckMessages = defineMessages({
  fr: {
    'check.host.reachable.title': 'Serveur joignable en SSH',
    'check.host.reachable.detail': 'SSH répond en {ms} ms (dont connexion {connectMs} ms)',
    'check.host.reachable.failed': 'SSH impossible : {reason}',
    'check.host.wrapper.title': 'Commande forcée samaops-remote',
    'check.host.wrapper.ok': 'samaops-remote {version} ({hash}), comme le bot',
    'check.host.wrapper.differs':
      'samaops-remote de {server} diffère du bot : serveur {serverVersion} ({serverHash}), bot {botVersion} ({botHash}) ; réinstaller la sortie de `samaops ssh-wrapper`',
    'check.host.wrapper.absent':
      'aucun samaops-remote sur {server} : la clé du bot n’y est pas restreinte (voir `samaops ssh-wrapper --authorized-keys`)',
    'check.host.wrapper.silent':
      'le samaops-remote de {server} ne donne pas sa version (code {code} : {reason}) : plus ancien que le bot ?',
    'check.host.wrapper.notForced':
      'samaops-remote {version} est installé sur {server}, mais la clé du bot n’y est pas restreinte : il manque command= dans authorized_keys',
    'check.remote.failed': 'mesure impossible par SSH : {reason}',
    'check.remote.refused': 'commande refusée avant tout envoi : {reason}',
    'check.disk.usage.title': 'Espace disque',
    'check.disk.usage.detail': '{percent} % utilisés sur {mountedOn} ({available} libres)',
    'check.disk.usage.unreadable': 'df n’a rien pu lire pour {mount} : {reason}',
    'check.docker.containers.title': 'Conteneurs Docker',
    'check.docker.containers.ok': '{running}/{expected} conteneurs attendus en marche',
    'check.docker.containers.problems': '{running}/{expected} en marche ; en défaut : {list}',
    'check.docker.containers.missing': '{running}/{expected} en marche ; absents : {missing}',
    'check.docker.containers.missingAndProblems':
      '{running}/{expected} en marche ; absents : {missing} ; en défaut : {list}',
    'check.docker.containers.unreadable': 'sortie de docker ps illisible : {reason}',
    'check.logs.errors.title': 'Erreurs dans les journaux',
    'check.logs.errors.detail':
      '{count, plural, one {# ligne} other {# lignes}} ERROR/CRITICAL dans {files, plural, one {# fichier} other {# fichiers}}',
    'check.logs.errors.noFiles': 'aucun fichier ne correspond à {globs}',
  },
  en: {
    'check.host.reachable.title': 'Server reachable over SSH',
    'check.host.reachable.detail': 'SSH answers in {ms} ms (connection {connectMs} ms)',
    'check.host.reachable.failed': 'SSH failed: {reason}',
    'check.host.wrapper.title': 'samaops-remote forced command',
    'check.host.wrapper.ok': 'samaops-remote {version} ({hash}), same as the bot',
    'check.host.wrapper.differs':
      'samaops-remote on {server} differs from the bot: server {serverVersion} ({serverHash}), bot {botVersion} ({botHash}); install the output of `samaops ssh-wrapper` again',
    'check.host.wrapper.absent':
      'no samaops-remote on {server}: the bot’s key is not restricted there (see `samaops ssh-wrapper --authorized-keys`)',
    'check.host.wrapper.silent':
      'samaops-remote on {server} does not tell its version (code {code}: {reason}): older than the bot?',
    'check.host.wrapper.notForced':
      'samaops-remote {version} is installed on {server}, but the bot’s key is not restricted to it: command= is missing from authorized_keys',
    'check.remote.failed': 'could not measure over SSH: {reason}',
    'check.remote.refused': 'command refused before anything was sent: {reason}',
    'check.disk.usage.title': 'Disk space',
    'check.disk.usage.detail': '{percent} % used on {mountedOn} ({available} free)',
    'check.disk.usage.unreadable': 'df could not read {mount}: {reason}',
    'check.docker.containers.title': 'Docker containers',
    'check.docker.containers.ok': '{running}/{expected} expected containers running',
    'check.docker.containers.problems': '{running}/{expected} running; failing: {list}',
    'check.docker.containers.missing': '{running}/{expected} running; missing: {missing}',
    'check.docker.containers.missingAndProblems':
      '{running}/{expected} running; missing: {missing}; failing: {list}',
    'check.docker.containers.unreadable': 'unreadable docker ps output: {reason}',
    'check.logs.errors.title': 'Errors in the logs',
    'check.logs.errors.detail':
      '{count, plural, one {# ERROR/CRITICAL line} other {# ERROR/CRITICAL lines}} in {files, plural, one {# file} other {# files}}',
    'check.logs.errors.noFiles': 'no file matches {globs}',
  },
});
