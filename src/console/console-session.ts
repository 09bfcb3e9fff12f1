import { consoleAccessPolicy } from '../handlers/access-policy.js';
import type { HandlerServices, Invocation } from '../handlers/handler-context.js';
import { routeAction, routeCommand } from '../handlers/route-command.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { ConsoleReplies } from './console-replies.js';
import { findTeamMember } from './find-team-member.js';

/** What a typed line led to: keep reading, or stop. */
export type LineResult = 'continue' | 'exit';

/**
 * One operator at a terminal: `/sama …` lines go to the same router as Slack's slash command,
 * a number presses that button of the last message, `/as NAME` acts as another member of the
 * team from then on, `exit` ends the session. Only the current operator may act.
 */
export function consoleSession(options: {
  services: Omit<HandlerServices, 'access'>;
  replies: ConsoleReplies;
  userId: string;
  channelId: string;
  output: { write(text: string): unknown };
}) {
  const { replies, output } = options;
  const locale = options.services.inventory.locale;
  let userId = options.userId;
  const current = () => {
    const invocation: Invocation = { userId, channelId: options.channelId, replies };
    const services: HandlerServices = { ...options.services, access: consoleAccessPolicy(userId) };
    return { invocation, services };
  };
  const say = (text: string) => output.write(`${text}\n`);
  const actAs = (query: string) => {
    const { team } = options.services.inventory;
    const person = findTeamMember(options.services.inventory, query);
    if (!person) {
      const names = team.map((member) => member.name).join(', ');
      say(translate(locale, msg('console.as.unknown', { query: query.slice(0, 40), names: names || '—' })));
      return;
    }
    userId = person.slackId;
    say(translate(locale, msg('console.user', { name: person.name, slackId: person.slackId })));
  };
  return {
    /** The slackId the next line acts as. */
    operator: () => userId,
    async handleLine(raw: string): Promise<LineResult> {
      const line = raw.trim();
      if (line === '') return 'continue';
      if (line === 'exit' || line === 'quit') return 'exit';
      const as = /^\/as(?:\s+(.*))?$/.exec(line);
      if (as) {
        actAs(as[1] ?? '');
        return 'continue';
      }
      const { invocation, services } = current();
      const command = /^\/sama(?:\s+(.*))?$/.exec(line);
      if (command) {
        await routeCommand(command[1] ?? '', invocation, services);
        return 'continue';
      }
      if (/^\d+$/.test(line)) {
        const button = replies.lastButtons()[Number(line) - 1];
        if (!button) {
          say(translate(locale, msg('console.noSuchButton', { number: line })));
          return 'continue';
        }
        await routeAction(button.actionId, button.value, invocation, services);
        return 'continue';
      }
      say(translate(locale, msg('console.notACommand')));
      return 'continue';
    },
  };
}
