import { defineMessages } from '../define-messages.js';

/** The ack page: the signed link of an e-mail or SMS page, opened on a phone (plain HTML, no Slack). */
export const ackLinkMessages = defineMessages({
  fr: {
    'ackLink.page.heading': 'samaops — incident',
    'ackLink.field.opened': 'Ouvert le {time} ({timezone})',
    'ackLink.field.for': 'Lien de {name}',
    'ackLink.button.acknowledge': 'Acquitter',
    'ackLink.button.escalate': 'Escalader',
    'ackLink.ask': 'Que faites-vous ? Le fil Slack de l’incident le dira.',
    'ackLink.invalid.title': 'Lien non valable',
    'ackLink.invalid.text':
      'Ce lien n’est pas valable : rien n’a été fait. Utilisez Slack ou le lien du dernier appel reçu.',
    'ackLink.expired.title': 'Lien expiré',
    'ackLink.expired.text':
      'Ce lien a expiré : rien n’a été fait. Utilisez Slack ou le lien du dernier appel reçu.',
    'ackLink.used': 'Ce lien a déjà servi ({action}, à {time}) : il n’agit qu’une fois.',
    'ackLink.action.acknowledge': 'prise en charge',
    'ackLink.action.escalate': 'escalade',
    'ackLink.resolved': 'L’incident est résolu : plus rien à faire.',
    'ackLink.done.acknowledge':
      'C’est noté : vous avez pris en charge l’incident #{id}. Le fil Slack le dit.',
    'ackLink.done.escalate': 'L’incident #{id} est escaladé en {level}. Le fil Slack le dit.',
    'ackLink.csrf':
      'Ce formulaire n’est plus valable (page trop ancienne ou ouverte ailleurs) : rien n’a été fait. Rouvrez le lien reçu.',
    'ackLink.badRequest': 'Demande incomprise : rien n’a été fait. Rouvrez le lien reçu.',
    'ackLink.unavailable':
      'Le bot ne peut pas agir pour l’instant : rien n’a été fait. Réessayez dans une minute, ou utilisez Slack.',
  },
  en: {
    'ackLink.page.heading': 'samaops — incident',
    'ackLink.field.opened': 'Opened {time} ({timezone})',
    'ackLink.field.for': 'Link of {name}',
    'ackLink.button.acknowledge': 'Acknowledge',
    'ackLink.button.escalate': 'Escalate',
    'ackLink.ask': 'What do you do? The incident’s Slack thread will say so.',
    'ackLink.invalid.title': 'Invalid link',
    'ackLink.invalid.text':
      'This link is not valid: nothing was done. Use Slack or the link of the latest page you received.',
    'ackLink.expired.title': 'Link expired',
    'ackLink.expired.text':
      'This link has expired: nothing was done. Use Slack or the link of the latest page you received.',
    'ackLink.used': 'This link has already been used ({action}, at {time}): it acts only once.',
    'ackLink.action.acknowledge': 'acknowledged',
    'ackLink.action.escalate': 'escalated',
    'ackLink.resolved': 'The incident is resolved: nothing left to do.',
    'ackLink.done.acknowledge': 'Done: you acknowledged incident #{id}. Its Slack thread says so.',
    'ackLink.done.escalate': 'Incident #{id} is escalated to {level}. Its Slack thread says so.',
    'ackLink.csrf':
      'This form no longer holds (page too old or opened elsewhere): nothing was done. Open the link you received again.',
    'ackLink.badRequest': 'Request not understood: nothing was done. Open the link you received again.',
    'ackLink.unavailable':
      'The bot cannot act right now: nothing was done. Try again in a minute, or use Slack.',
  },
});
