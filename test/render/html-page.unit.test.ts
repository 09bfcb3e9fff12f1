import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, HTML_PAGE_CSP, renderHtmlPage } from '../../src/render/html-page.js';

describe('the HTML page', () => {
  it('escapes every string it is given, in text and in attributes', () => {
    const hostile = '<script>alert(1)</script>"\'&<img src=x onerror=alert(1)>';
    const html = renderHtmlPage({
      lang: 'fr',
      heading: hostile,
      title: hostile,
      lines: [hostile],
      notice: { tone: 'warn', text: hostile },
      form: { hidden: { csrf: hostile }, buttons: [{ name: 'action', value: hostile, label: hostile }] },
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&lt;img');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
      }),
    );
  });

  it('has no script, and its one style is the one its CSP allows by hash', () => {
    const html = renderHtmlPage({ lang: 'en', heading: 'samaops', lines: ['x'] });
    expect(html).not.toMatch(/<script|onclick|javascript:/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(HTML_PAGE_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(HTML_PAGE_CSP).toContain("default-src 'none'");
    expect(HTML_PAGE_CSP).toContain("frame-ancestors 'none'");
    expect(HTML_PAGE_CSP).toContain("form-action 'self'");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('name="viewport"');
  });

  it('posts its form back to its own URL', () => {
    const html = renderHtmlPage({
      lang: 'fr',
      heading: 'h',
      lines: [],
      form: {
        hidden: { csrf: 'c' },
        buttons: [{ name: 'action', value: 'acknowledge', label: 'Acquitter' }],
      },
    });
    expect(html).toContain('<form method="post">');
    expect(html).toContain('<button type="submit" name="action" value="acknowledge">Acquitter</button>');
  });
});
