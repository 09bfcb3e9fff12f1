import type pg from 'pg';
import type { AckLinkClaims, AckLinkKeys } from '../../core/escalation/ack-link-token.js';
import { isInPolicy } from '../../core/escalation/policy-snapshot.js';
import type { Locale } from '../../i18n/define-messages.js';
import type { Logger } from '../../logging/logger.js';
import type { HtmlPage } from '../../render/html-page.js';
import { claimLinkUse, type LinkAction, linkUse } from '../../store/ack-links/link-uses.js';
import { readIncident } from '../../store/incidents/incident-queries.js';
import type { StoredIncident } from '../../store/incidents/incident-row.js';
import { activeOverrides } from '../../store/incidents/oncall-and-maintenance.js';
import type { EscalationService } from '../escalation-service.js';
import { clockTime } from '../incident-message.js';
import { actionForm, actionsOpen, errorPage, incidentPage, pageText } from './ack-page-view.js';

/** What the ack page needs: the keys, the bot's store and escalation, the page's language. */
export interface AckPageDeps {
  keys: AckLinkKeys;
  pool: pg.Pool;
  escalation: Pick<EscalationService, 'act'>;
  locale: Locale;
  logger: Logger;
  /** Default `Date.now`. */
  now?: () => number;
}

/** A page to send, with its HTTP status. */
export interface PageAnswer {
  status: number;
  page: HtmlPage;
}

/** A link that holds: its claims, and its incident as now. */
interface HeldLink {
  claims: AckLinkClaims;
  incident: StoredIncident;
}

/**
 * Checks a token: its signature and expiry, then that its incident exists and its person may act
 * on it (their roles in the frozen policy, or an override now, as for the Slack button). Anything
 * else is the same "invalid link" page: it says nothing of what was wrong.
 */
export async function holdLink(deps: AckPageDeps, token: string): Promise<HeldLink | PageAnswer> {
  const now = (deps.now ?? Date.now)();
  const checked = deps.keys.verify(token, now);
  if (!checked.ok) {
    return checked.refusal === 'expired'
      ? { status: 410, page: errorPage(deps.locale, 'ackLink.expired.title', 'ackLink.expired.text') }
      : invalid(deps.locale);
  }
  const { claims } = checked;
  const incident = await readIncident(deps.pool, claims.incidentId);
  if (!incident) return invalid(deps.locale);
  const overrideRoles = (await activeOverrides(deps.pool, now))
    .filter((override) => override.slackId === claims.person)
    .map((override) => override.role);
  if (!isInPolicy(incident.snapshot, claims.person, overrideRoles)) return invalid(deps.locale);
  return { claims, incident };
}

/** The invalid-link page: forged, for an incident that does not exist, or for someone outside its policy. */
export const invalid = (locale: Locale): PageAnswer => ({
  status: 403,
  page: errorPage(locale, 'ackLink.invalid.title', 'ackLink.invalid.text'),
});

/**
 * What a GET shows (it never changes anything: mail scanners open links): the incident, and the
 * buttons while the link can still act, or why it cannot (used, resolved, superseded).
 */
export async function showLink(deps: AckPageDeps, held: HeldLink, csrf: string): Promise<PageAnswer> {
  const { claims, incident } = held;
  const t = pageText(deps.locale);
  const page = (text: string, tone: 'warn' | 'ok' = 'warn'): PageAnswer => ({
    status: 200,
    page: incidentPage(deps.locale, incident, claims.person, { notice: { tone, text } }),
  });
  const used = await linkUse(deps.pool, claims.nonce);
  if (used) {
    const action = t(
      used.action === 'acknowledge' ? 'ackLink.action.acknowledge' : 'ackLink.action.escalate',
    );
    return page(t('ackLink.used', { action, time: clockTime(used.at, incident.snapshot.timezone) }));
  }
  if (incident.state.status === 'resolved') return page(t('ackLink.resolved'), 'ok');
  if (incident.state.generation !== claims.generation) {
    const acknowledged = incident.state.status === 'acknowledged';
    return page(
      t(`incidents.refusal.${acknowledged ? 'already-acknowledged' : 'stale-link'}`, { id: incident.id }),
    );
  }
  const actions = actionsOpen(incident);
  if (actions.length === 0) return page(t('incidents.refusal.already-acknowledged', { id: incident.id }));
  const form = actionForm(deps.locale, actions, csrf);
  return {
    status: 200,
    page: incidentPage(deps.locale, incident, claims.person, {
      notice: { tone: 'warn', text: t('ackLink.ask') },
      form,
    }),
  };
}

/**
 * What the page's POST does: the same step as the Slack button, by the link's person, `via: 'link'`,
 * only at the link's generation, and recording the link's one use in the step's transaction.
 */
export async function actOnLink(deps: AckPageDeps, held: HeldLink, action: LinkAction): Promise<PageAnswer> {
  const { claims, incident } = held;
  const t = pageText(deps.locale);
  const at = (deps.now ?? Date.now)();
  const outcome = await deps.escalation.act(
    incident.id,
    { kind: action, by: claims.person, via: 'link', generation: claims.generation },
    (client) =>
      claimLinkUse(client, {
        nonce: claims.nonce,
        incidentId: incident.id,
        person: claims.person,
        action,
        at,
      }),
  );
  deps.logger.info(
    { incident: incident.id, person: claims.person, action, outcome: outcome.kind, ...refusalOf(outcome) },
    'ack link acted',
  );
  if (outcome.kind === 'not-found') return invalid(deps.locale);
  const shown = outcome.incident;
  if (outcome.kind === 'refused') {
    const text = t(`incidents.refusal.${outcome.refusal}`, {
      id: incident.id,
      other: outcome.openElsewhere ?? '',
    });
    return {
      status: 409,
      page: incidentPage(deps.locale, shown, claims.person, { notice: { tone: 'warn', text } }),
    };
  }
  const text =
    action === 'acknowledge'
      ? t('ackLink.done.acknowledge', { id: incident.id })
      : t('ackLink.done.escalate', { id: incident.id, level: shown.state.level });
  return {
    status: 200,
    page: incidentPage(deps.locale, shown, claims.person, { notice: { tone: 'ok', text } }),
  };
}

const refusalOf = (outcome: { kind: string; refusal?: string }) =>
  outcome.refusal === undefined ? {} : { refusal: outcome.refusal };
