import { defineMessages } from '../define-messages.js';

/** Messages of the Slack app and console mode (help, refusals, progress, reports). */
export const slackMessages = defineMessages({
  fr: {
    'slack.help.title': 'samaops — commandes',
    'slack.help.intro': 'Utilisation : `/sama <sous-commande> [arguments]`',
    'slack.help.unknownCommand': 'Sous-commande inconnue « {name} ». Sous-commandes valides : {valid}.',
    'slack.help.badArgument':
      'Argument « {argument} » invalide pour `/sama {command}`. Valeurs possibles : {valid}.',
    'slack.help.tooManyArguments':
      '`/sama {command}` accepte au plus {max, plural, one {# argument} other {# arguments}}.',
    'slack.command.help.summary': 'affiche cette aide',
    'slack.command.diagnose.summary': 'lance un diagnostic (playbooks : {playbooks} ; par défaut all)',
    'slack.command.status.summary': 'une ligne par serveur et par service',
    'slack.refused.channel':
      'samaops ne répond que dans les canaux configurés ({channels}). Rien n’a été lancé.',
    'slack.refused.user':
      'Vous ne faites pas partie de l’équipe déclarée dans l’inventaire de samaops. Rien n’a été lancé.',
    'slack.failed': 'La commande a échoué : {reason}',
    'slack.refused.unsafeCharacter':
      'La commande contient un caractère de contrôle ({code}, caractère n° {position}) : rien n’a été lancé. Retapez-la sans copier-coller.',
    'slack.refused.tooLong':
      'La commande fait {length} caractères ; `/sama` en accepte au plus {max}. Rien n’a été lancé.',
    'slack.diagnose.running':
      'Diagnostic en cours… ({playbook}, {count, plural, one {# vérification} other {# vérifications}})',
    'slack.report.title': '{platform} — {playbook}',
    'slack.report.summary': '*{status}* : {counts}',
    'slack.report.problems': 'À traiter',
    'slack.report.healthy': 'Vérifications OK',
    'slack.report.line': '*{title}* · {target} — {value} — {detail}',
    'slack.report.lineNoValue': '*{title}* · {target} — {detail}',
    'slack.report.moreOk':
      '+{count, plural, one {# autre vérification OK} other {# autres vérifications OK}}',
    'slack.report.context': 'durée {ms} ms · {time} · demandé par {user}',
    'slack.report.allOk': 'Tout est OK.',
    'slack.button.rerun': 'Relancer le diagnostic',
    'slack.render.moreLines':
      '… {count, plural, one {# ligne non affichée} other {# lignes non affichées}} (limites de Slack)',
    'slack.reportThread.pointer': 'Chaque section en entier est dans le fil de ce message.',
    'slack.reportThread.overflow': 'Tout est dans le fil de ce message.',
    'slack.reportThread.title': '{title} — détails ({index}/{total})',
    'slack.reportThread.continued': '{heading} (suite)',
    'slack.status.title': '{platform} — état',
    'slack.status.servers': 'Serveurs',
    'slack.status.services': 'Services',
    'slack.status.line': '*{name}* — {status} — {detail}',
    'slack.status.none': 'Aucun serveur ni service dans l’inventaire.',
    'console.welcome':
      'samaops — mode console (aucun identifiant Slack). Tapez `/sama help`, un numéro de bouton, ou `exit`.',
    'console.user': 'Vous agissez en tant que {name} ({slackId}).',
    'console.localOperator':
      'L’inventaire ne déclare aucune équipe : vous agissez en opérateur local ({slackId}), autorisé en console seulement.',
    'console.unknownUser': 'SAMAOPS_CONSOLE_USER={slackId} ne fait pas partie de l’équipe de l’inventaire.',
    'console.notACommand': 'Tapez une commande `/sama …`, un numéro de bouton ou `exit`.',
    'console.noSuchButton': 'Pas de bouton n° {number} sur le dernier message.',
    'console.ephemeral': '(visible par vous seul)',
    'console.file': '📎 fichier « {filename} » — {title} ({size})',
  },
  en: {
    'slack.help.title': 'samaops — commands',
    'slack.help.intro': 'Usage: `/sama <sub-command> [arguments]`',
    'slack.help.unknownCommand': 'Unknown sub-command "{name}". Valid sub-commands: {valid}.',
    'slack.help.badArgument': 'Invalid argument "{argument}" for `/sama {command}`. Valid values: {valid}.',
    'slack.help.tooManyArguments':
      '`/sama {command}` takes at most {max, plural, one {# argument} other {# arguments}}.',
    'slack.command.help.summary': 'shows this help',
    'slack.command.diagnose.summary': 'runs a diagnosis (playbooks: {playbooks}; default all)',
    'slack.command.status.summary': 'one line per server and service',
    'slack.refused.channel': 'samaops only answers in its configured channels ({channels}). Nothing was run.',
    'slack.refused.user': 'You are not in the team listed in samaops’ inventory. Nothing was run.',
    'slack.failed': 'The command failed: {reason}',
    'slack.refused.unsafeCharacter':
      'The command holds a control character ({code}, character {position}): nothing was run. Type it again rather than pasting it.',
    'slack.refused.tooLong':
      'The command is {length} characters long; `/sama` takes at most {max}. Nothing was run.',
    'slack.diagnose.running':
      'Diagnosis running… ({playbook}, {count, plural, one {# check} other {# checks}})',
    'slack.report.title': '{platform} — {playbook}',
    'slack.report.summary': '*{status}*: {counts}',
    'slack.report.problems': 'Needs attention',
    'slack.report.healthy': 'Checks OK',
    'slack.report.line': '*{title}* · {target} — {value} — {detail}',
    'slack.report.lineNoValue': '*{title}* · {target} — {detail}',
    'slack.report.moreOk': '+{count, plural, one {# more OK check} other {# more OK checks}}',
    'slack.report.context': 'took {ms} ms · {time} · asked by {user}',
    'slack.report.allOk': 'Everything is OK.',
    'slack.button.rerun': 'Run the diagnosis again',
    'slack.render.moreLines': '… {count, plural, one {# line} other {# lines}} not shown (Slack limits)',
    'slack.reportThread.pointer': 'Every section in full is in this message’s thread.',
    'slack.reportThread.overflow': 'Everything is in this message’s thread.',
    'slack.reportThread.title': '{title} — details ({index}/{total})',
    'slack.reportThread.continued': '{heading} (continued)',
    'slack.status.title': '{platform} — status',
    'slack.status.servers': 'Servers',
    'slack.status.services': 'Services',
    'slack.status.line': '*{name}* — {status} — {detail}',
    'slack.status.none': 'No server or service in the inventory.',
    'console.welcome':
      'samaops — console mode (no Slack credentials). Type `/sama help`, a button number, or `exit`.',
    'console.user': 'You act as {name} ({slackId}).',
    'console.localOperator':
      'The inventory lists no team: you act as a local operator ({slackId}), allowed in the console only.',
    'console.unknownUser': 'SAMAOPS_CONSOLE_USER={slackId} is not in the inventory’s team.',
    'console.notACommand': 'Type a `/sama …` command, a button number or `exit`.',
    'console.noSuchButton': 'No button number {number} on the last message.',
    'console.ephemeral': '(only visible to you)',
    'console.file': '📎 file “{filename}” — {title} ({size})',
  },
});
