import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/config/schema.js';
import { consoleReplies } from '../../src/console/console-replies.js';
import { consoleSender } from '../../src/console/console-sender.js';
import { consoleSession } from '../../src/console/console-session.js';
import type { HandlerServices } from '../../src/handlers/handler-context.js';

const team = [
  { slackId: 'UDEVOPS', name: 'DevOps', roles: ['devops'], availability: '24/7' },
  { slackId: 'UBACKEND', name: 'Développeur Backend', roles: ['backend'], availability: '24/7' },
] as unknown as Inventory['team'];
const inventory = { locale: 'fr', team, slack: { channels: [] } } as unknown as Inventory;

function session() {
  let text = '';
  const output = {
    write: (chunk: string) => {
      text += chunk;
    },
  };
  const replies = consoleReplies(output, { colour: false, locale: 'fr' });
  // `/as` touches nothing but the inventory's team: no service is needed.
  const services = { inventory } as unknown as Omit<HandlerServices, 'access'>;
  const console = consoleSession({ services, replies, userId: 'UDEVOPS', channelId: 'console', output });
  return { console, text: () => text };
}

describe('/as NAME at the console', () => {
  it('switches the operator by display name, case and accents aside, or by slackId', async () => {
    const { console, text } = session();
    expect(await console.handleLine('/as developpeur backend')).toBe('continue');
    expect(console.operator()).toBe('UBACKEND');
    expect(text()).toContain('Vous agissez en tant que Développeur Backend (UBACKEND).');
    await console.handleLine('/as @UDEVOPS');
    expect(console.operator()).toBe('UDEVOPS');
  });

  it('refuses someone outside the team, naming the members, and keeps the operator', async () => {
    const { console, text } = session();
    await console.handleLine('/as Mallory');
    expect(console.operator()).toBe('UDEVOPS');
    expect(text()).toContain(
      '« Mallory » ne fait pas partie de l’équipe. Membres : DevOps, Développeur Backend.',
    );
  });
});

describe('consoleSender', () => {
  it('prints a DM under the person’s name and a thread line under its message, buttons left out', async () => {
    let text = '';
    const sender = consoleSender({ write: (chunk: string) => (text += chunk) }, inventory, { colour: false });
    const dm = await sender.openDm('UDEVOPS');
    await sender.post(dm, 'Vous êtes appelé(e) en N2');
    const ref = await sender.post('C0OPS', {
      title: 'Incident #1',
      sections: [],
      buttons: [{ actionId: 'x', label: 'Prendre en charge', value: '1' }],
    });
    await sender.post('C0OPS', 'Incident ouvert', ref.ts);
    expect(text).toContain('📩 message privé à DevOps #1\nVous êtes appelé(e) en N2');
    expect(text).toContain('#C0OPS #2\nIncident #1');
    expect(text).not.toContain('Prendre en charge');
    expect(text).toContain('#C0OPS, fil du message #2 #3\nIncident ouvert');
  });
});
