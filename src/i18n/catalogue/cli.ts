import { defineMessages } from '../define-messages.js';

/** The `samaops` command line: usage, help of each command, usage errors, the audit command's lines. */
export const cliMessages = defineMessages({
  fr: {
    'cli.usage.general': 'usage : samaops <commande> [options]',
    'cli.usage.commands': 'commandes :',
    'cli.usage.exitCodes':
      'codes de sortie : 0 ok, 1 avertissement, 2 échec, 3 inconnu, 64 erreur d’usage, 78 erreur de configuration',
    'cli.usage.more': '`samaops <commande> --help` détaille une commande',
    'cli.usage.line': 'usage : samaops {usage}',
    'cli.usage.options': 'options :',
    'cli.summary.diagnose': 'lance les vérifications d’un playbook et affiche le rapport',
    'cli.summary.checkConfig': 'valide l’inventaire, signale ce qui échouerait à 3 h du matin et le résume',
    'cli.summary.audit':
      'vérifie la chaîne de hachage du journal d’audit, ou affiche ses n dernières entrées (DATABASE_URL)',
    'cli.summary.report':
      'produit un rapport de maintenance maintenant (stocké et comparé au précédent si DATABASE_URL est défini)',
    'cli.summary.sshWrapper':
      'affiche ce qu’un serveur installe pour la clé du bot : la commande forcée samaops-remote, sa ligne authorized_keys, ses règles sudo',
    'cli.option.help': 'affiche cette aide',
    'cli.option.config': 'fichier d’inventaire (par défaut SAMAOPS_CONFIG, sinon config/samaops.yml)',
    'cli.option.json': 'sortie JSON au lieu du texte',
    'cli.option.playbook': 'playbook : {valid} (par défaut all)',
    'cli.option.kind': 'type de rapport : {valid}',
    'cli.option.auditCount': 'nombre d’entrées à afficher, de 1 à 1000 (par défaut 20)',
    'cli.option.authorizedKeys': 'affiche la ligne authorized_keys de la clé du bot',
    'cli.option.publicKey': 'clé publique du bot (ssh-keygen -y -f CLÉ > FICHIER)',
    'cli.option.from': 'adresses d’où la clé est acceptée',
    'cli.option.sudoers': 'affiche les règles sudo d’un serveur',
    'cli.option.server': 'serveur de l’inventaire (par défaut le seul serveur)',
    'cli.option.wrapperVersion':
      'affiche la version et l’empreinte des formes que les serveurs doivent annoncer',
    'cli.error.line': 'samaops : {problem}',
    'cli.error.unknownCommand': 'commande inconnue « {name} » ; commandes valides : {valid}',
    'cli.error.unknownOption': 'option inconnue « {option} »',
    'cli.error.optionValue': 'valeur manquante ou invalide pour l’option « {option} »',
    'cli.error.unexpectedArgument': 'argument en trop « {argument} »',
    'cli.error.onePlaybook': 'un seul playbook à la fois ; playbooks valides : {valid}',
    'cli.error.unknownPlaybook': 'playbook inconnu « {playbook} » ; playbooks valides : {valid}',
    'cli.error.auditArgs': 'audit prend « verify » ou un nombre d’entrées',
    'cli.error.auditCount': '« {given} » n’est ni « verify » ni un nombre de 1 à 1000',
    'cli.error.reportKind': 'report prend un type de rapport : {valid}',
    'cli.error.wrapperModes': 'une seule option parmi --authorized-keys, --sudoers, --version',
    'cli.error.wrapperPublicKey':
      '--authorized-keys demande --public-key FICHIER (ssh-keygen -y -f CLÉ > FICHIER)',
    'cli.error.wrapperServer': '--sudoers demande --server NOM, parmi : {names}',
    'cli.error.internal': 'samaops : erreur interne : {reason}',
    'cli.audit.noDatabase':
      'samaops : DATABASE_URL n’est pas défini : il désigne la base du bot qui contient le journal d’audit',
    'cli.audit.broken':
      'journal d’audit CASSÉ à la ligne {row} ({fault}) ; {rows, plural, one {la ligne d’avant est intacte} other {les # lignes d’avant sont intactes}}',
    'cli.audit.ok':
      'journal d’audit OK : {rows, plural, one {# ligne chaînée} other {# lignes chaînées}} ; hachage de tête {hash}',
    'cli.audit.empty': 'journal d’audit vide',
  },
  en: {
    'cli.usage.general': 'usage: samaops <command> [options]',
    'cli.usage.commands': 'commands:',
    'cli.usage.exitCodes':
      'exit codes: 0 ok, 1 warn, 2 fail, 3 unknown, 64 usage error, 78 configuration error',
    'cli.usage.more': '`samaops <command> --help` details one command',
    'cli.usage.line': 'usage: samaops {usage}',
    'cli.usage.options': 'options:',
    'cli.summary.diagnose': 'run a playbook’s checks and print the report',
    'cli.summary.checkConfig': 'validate the inventory, flag what would fail at 3 a.m., and summarise it',
    'cli.summary.audit': 'check the audit log’s hash chain, or show its newest n entries (DATABASE_URL)',
    'cli.summary.report':
      'produce a maintenance report now (stored and compared with the previous one when DATABASE_URL is set)',
    'cli.summary.sshWrapper':
      'print what a server installs for the bot’s key: the forced command samaops-remote, its authorized_keys line, its sudo rules',
    'cli.option.help': 'show this help',
    'cli.option.config': 'inventory file (default SAMAOPS_CONFIG, else config/samaops.yml)',
    'cli.option.json': 'JSON output instead of text',
    'cli.option.playbook': 'playbook: {valid} (default all)',
    'cli.option.kind': 'report kind: {valid}',
    'cli.option.auditCount': 'entries to show, 1 to 1000 (default 20)',
    'cli.option.authorizedKeys': 'print the authorized_keys line of the bot’s key',
    'cli.option.publicKey': 'the bot’s public key (ssh-keygen -y -f KEY > FILE)',
    'cli.option.from': 'addresses the key is accepted from',
    'cli.option.sudoers': 'print one server’s sudo rules',
    'cli.option.server': 'a server of the inventory (default the only one)',
    'cli.option.wrapperVersion': 'print the version and forms hash the servers should report',
    'cli.error.line': 'samaops: {problem}',
    'cli.error.unknownCommand': 'unknown command "{name}"; valid commands: {valid}',
    'cli.error.unknownOption': 'unknown option "{option}"',
    'cli.error.optionValue': 'missing or invalid value for option "{option}"',
    'cli.error.unexpectedArgument': 'unexpected argument "{argument}"',
    'cli.error.onePlaybook': 'one playbook at a time; valid playbooks: {valid}',
    'cli.error.unknownPlaybook': 'unknown playbook "{playbook}"; valid playbooks: {valid}',
    'cli.error.auditArgs': 'audit takes "verify" or a number of entries',
    'cli.error.auditCount': '"{given}" is neither "verify" nor a number from 1 to 1000',
    'cli.error.reportKind': 'report takes one report kind: {valid}',
    'cli.error.wrapperModes': 'only one of --authorized-keys, --sudoers, --version',
    'cli.error.wrapperPublicKey': '--authorized-keys needs --public-key FILE (ssh-keygen -y -f KEY > FILE)',
    'cli.error.wrapperServer': '--sudoers needs --server NAME, one of: {names}',
    'cli.error.internal': 'samaops: internal error: {reason}',
    'cli.audit.noDatabase':
      'samaops: DATABASE_URL is not set: it names the bot database holding the audit log',
    'cli.audit.broken':
      'audit log BROKEN at row {row} ({fault}); {rows, plural, one {the row before it is intact} other {# rows before it are intact}}',
    'cli.audit.ok':
      'audit log OK: {rows, plural, one {# row chained} other {# rows chained}}; head hash {hash}',
    'cli.audit.empty': 'audit log empty',
  },
});
