import { postmortemFacts } from '../escalation/postmortem/postmortem-facts.js';
import { postmortemMarkdown } from '../escalation/postmortem/postmortem-markdown.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { localeFor, type UploadFile } from '../render/reply-port.js';
import type { HandlerServices, Invocation } from './handler-context.js';
import { notice } from './incident-handler-support.js';

/**
 * Writes the post-mortem draft of incident `id` and shares it as a Markdown file in the incident's
 * thread (where its message lives; else where it was asked for), then tells the person. Where
 * files cannot be shared, the draft is the answer itself.
 */
export async function postPostmortem(
  invocation: Invocation,
  services: HandlerServices,
  pool: NonNullable<HandlerServices['store']['pool']>,
  id: number,
): Promise<void> {
  // The draft is the team's document, in the inventory's language; the answers are the asker's.
  const locale = services.inventory.locale;
  const facts = await postmortemFacts(pool, id, { slo: services.slo?.budget });
  if (!facts) {
    const personal = await localeFor(invocation, locale);
    await invocation.replies.respondEphemeral(notice(personal, 'incidents.error.notFound', { id }));
    return;
  }
  const markdown = postmortemMarkdown(facts, locale);
  const file: UploadFile = {
    filename: `postmortem-incident-${id}.md`,
    title: translate(locale, msg('postmortem.file.title', { id })),
    bytes: Buffer.from(markdown, 'utf8'),
  };
  const { replies } = invocation;
  if (!replies.uploadFile) {
    await replies.reply({
      title: file.title,
      sections: [{ lines: markdown.split('\n').map((text) => ({ text })) }],
    });
    return;
  }
  const { slackChannel, slackTs } = facts.incident;
  await replies.uploadFile(
    file,
    slackChannel && slackTs ? { channel: slackChannel, ts: slackTs } : undefined,
  );
  await replies.respondEphemeral(notice(await localeFor(invocation, locale), 'postmortem.posted', { id }));
}
