import { defineMessages } from '../define-messages.js';

/**
 * Pages by email, SMS and voice (issue 17), Slack's failover, and `/sama oncall test`. SMS texts
 * keep to the GSM 7-bit alphabet (a plain `'`, no `’` or `…`): one other character makes the
 * whole SMS UCS-2, 70 characters instead of 160.
 */
export const pageMessages = defineMessages({
  fr: {
    'pages.channel.slack': 'Slack',
    'pages.channel.email': 'e-mail',
    'pages.channel.sms': 'SMS',
    'pages.channel.voice': 'appel vocal',
    'pages.event.failedOver': '⚠️ Slack ne répond pas : l’appel {level} de {people} part par {channels}',
    'pages.email.subject': '[samaops] {level} — incident #{id} : {title}',
    'pages.email.greeting': 'Bonjour {name},',
    'pages.email.intro': 'Vous êtes appelé(e) en {level} pour l’incident #{id} ({reason}).',
    'pages.email.failed': 'Ce qui a échoué : {title}',
    'pages.email.source': 'Source : {source}',
    'pages.email.level': 'Niveau : {level}',
    'pages.email.opened': 'Ouvert à {time} ({timezone})',
    'pages.email.others': 'Autres personnes appelées : {people}',
    'pages.email.noOthers': 'Personne d’autre n’a été appelé.',
    'pages.email.ack': 'Acquitter : {url}',
    'pages.email.noLink':
      'Pour acquitter : le bouton « Prendre en charge » du message de l’incident dans Slack, ou `/sama incident ack {id}`.',
    'pages.email.signature': '— samaops',
    'pages.sms.text': 'samaops {level} #{id} {title} - Acquitter : {url}',
    'pages.sms.noLink': 'samaops {level} #{id} {title} - Acquitter dans Slack',
    'pages.sms.twoParts': '(2 SMS) {text}',
    'pages.voice.text': 'Alerte samaops. Incident {id}, niveau {level} : {title}. Merci d’acquitter.',
    'pages.test.subject': '[samaops] Page de test',
    'pages.test.text': 'samaops : page de test demandée par {who}. Rien à faire.',
    'pages.test.title': 'Page de test pour {name}',
    'pages.test.delivered': '{channel} : délivrée en {ms} ms',
    'pages.test.failed': '{channel} : échec après {ms} ms — {reason}',
    'pages.test.notInTeam':
      '{who} n’est pas dans l’équipe de l’inventaire : seule l’équipe reçoit des pages.',
  },
  en: {
    'pages.channel.slack': 'Slack',
    'pages.channel.email': 'email',
    'pages.channel.sms': 'SMS',
    'pages.channel.voice': 'voice call',
    'pages.event.failedOver': '⚠️ Slack is not answering: the {level} page of {people} goes by {channels}',
    'pages.email.subject': '[samaops] {level} — incident #{id}: {title}',
    'pages.email.greeting': 'Hello {name},',
    'pages.email.intro': 'You are paged at {level} for incident #{id} ({reason}).',
    'pages.email.failed': 'What failed: {title}',
    'pages.email.source': 'Source: {source}',
    'pages.email.level': 'Level: {level}',
    'pages.email.opened': 'Opened at {time} ({timezone})',
    'pages.email.others': 'Also paged: {people}',
    'pages.email.noOthers': 'Nobody else was paged.',
    'pages.email.ack': 'Acknowledge: {url}',
    'pages.email.noLink':
      'To acknowledge: the Acknowledge button of the incident’s message in Slack, or `/sama incident ack {id}`.',
    'pages.email.signature': '— samaops',
    'pages.sms.text': 'samaops {level} #{id} {title} - Acknowledge: {url}',
    'pages.sms.noLink': 'samaops {level} #{id} {title} - Acknowledge in Slack',
    'pages.sms.twoParts': '(2 SMS) {text}',
    'pages.voice.text': 'samaops alert. Incident {id}, level {level}: {title}. Please acknowledge.',
    'pages.test.subject': '[samaops] Test page',
    'pages.test.text': 'samaops: test page asked by {who}. Nothing to do.',
    'pages.test.title': 'Test page for {name}',
    'pages.test.delivered': '{channel}: delivered in {ms} ms',
    'pages.test.failed': '{channel}: failed after {ms} ms — {reason}',
    'pages.test.notInTeam': '{who} is not in the inventory’s team: only the team is paged.',
  },
});
