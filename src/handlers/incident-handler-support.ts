import type { EscalationService } from '../escalation/escalation-service.js';
import type { StepOutcome } from '../escalation/incident-steps.js';
import type { MessageKey } from '../i18n/catalogue/index.js';
import type { Locale } from '../i18n/define-messages.js';
import { type MessageParams, msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { ChatMessage } from '../render/message-model.js';
import { localeFor } from '../render/reply-port.js';
import type { HandlerServices, Invocation } from './handler-context.js';

/** A one-line answer in the reader's language. */
export function notice(locale: Locale, key: MessageKey, params?: MessageParams): ChatMessage {
  return { title: 'samaops', summary: translate(locale, msg(key, params)), sections: [] };
}

/** The escalation service with its pool, or null after telling the person what is missing. */
export async function requireEscalation(
  services: HandlerServices,
  invocation: Invocation,
): Promise<{ escalation: EscalationService; pool: NonNullable<HandlerServices['store']['pool']> } | null> {
  const { escalation } = services;
  const pool = services.store.pool;
  if (!escalation || !pool) {
    const locale = await localeFor(invocation, services.inventory.locale);
    await invocation.replies.respondEphemeral(notice(locale, 'incidents.error.unavailable'));
    return null;
  }
  return { escalation, pool };
}

/** Parses an incident id (`42` or `#42`), or null. */
export function parseIncidentId(text: string | undefined): number | null {
  const match = /^#?(\d{1,12})$/.exec(text ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * Says what became of an action, to the person who acted alone and in their language (else
 * `fallback`): done, refused (already acknowledged…), or no such incident.
 */
export async function answerOutcome(
  outcome: StepOutcome,
  incidentId: number,
  invocation: Invocation,
  fallback: Locale,
): Promise<void> {
  const locale = await localeFor(invocation, fallback);
  switch (outcome.kind) {
    case 'applied':
      await invocation.replies.respondEphemeral(notice(locale, 'incidents.done', { id: incidentId }));
      return;
    case 'refused':
      await invocation.replies.respondEphemeral(
        notice(locale, `incidents.refusal.${outcome.refusal}`, {
          id: incidentId,
          other: outcome.openElsewhere ?? '',
        }),
      );
      return;
    case 'not-found':
      await invocation.replies.respondEphemeral(
        notice(locale, 'incidents.error.notFound', { id: incidentId }),
      );
      return;
  }
}
