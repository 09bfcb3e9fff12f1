import { describe, expect, it } from 'vitest';
import { gatewayBody } from '../../src/outbound/gateway-body.js';

const page = {
  to: '+221770000001',
  text: 'API "502" & co\nligne 2 {ackUrl}',
  ackUrl: 'https://bot.test/ack?t=a&b=c',
};

describe('the gateway body', () => {
  it('JSON-encodes every value in a json body, at any depth, keys and other values as written', () => {
    const { contentType, body } = gatewayBody(
      {
        format: 'json',
        body: {
          request: { address: 'tel:{to}', message: { text: '{text}' }, links: ['{ackUrl}'] },
          priority: 1,
          flash: false,
        },
      },
      page,
    );
    expect(contentType).toBe('application/json');
    expect(JSON.parse(body)).toEqual({
      request: {
        address: 'tel:+221770000001',
        // `{ackUrl}` inside the text is the title's, not a placeholder: values are never read again.
        message: { text: 'API "502" & co\nligne 2 {ackUrl}' },
        links: ['https://bot.test/ack?t=a&b=c'],
      },
      priority: 1,
      flash: false,
    });
  });

  it('form-encodes every value in a form body, so that & and = stay inside their field', () => {
    const { contentType, body } = gatewayBody(
      { format: 'form', body: { To: '{to}', Body: '{text} {ackUrl}', From: '+221330000000' } },
      page,
    );
    expect(contentType).toBe('application/x-www-form-urlencoded');
    const fields = new URLSearchParams(body);
    expect([...fields.keys()]).toEqual(['To', 'Body', 'From']);
    expect(fields.get('To')).toBe('+221770000001');
    expect(fields.get('Body')).toBe(`${page.text} ${page.ackUrl}`);
  });
});
