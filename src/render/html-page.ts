import { createHash } from 'node:crypto';
import type { Locale } from '../i18n/define-messages.js';

/** A tone for the page's notice: what happened, good or not. */
export type PageTone = 'ok' | 'warn' | 'fail';

/** A form of submit buttons posting back to the page's own URL, with its hidden fields. */
export interface HtmlForm {
  hidden: Readonly<Record<string, string>>;
  /** Each button submits `name=value`; the first is the main one. */
  buttons: readonly { name: string; value: string; label: string }[];
}

/** A small server-rendered page: every string is plain text, escaped here. */
export interface HtmlPage {
  lang: Locale;
  /** The `<title>`, and the small heading above the title. */
  heading: string;
  /** The page's title (an incident's name); none on an error page. */
  title?: string;
  lines: readonly string[];
  notice?: { tone: PageTone; text: string };
  form?: HtmlForm;
}

/** The page's only style, inline; the CSP allows it by its hash (and no script at all). */
const STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1rem;',
  'background:#f6f7f9;color:#1d1f23;line-height:1.45}',
  'main{max-width:34rem;margin:0 auto;background:#fff;border-radius:.75rem;padding:1.25rem;',
  'box-shadow:0 1px 3px rgba(0,0,0,.12)}',
  'header{color:#5b6270;font-size:.9rem}h1{font-size:1.3rem;margin:.25rem 0 1rem;overflow-wrap:anywhere}',
  'p{margin:.4rem 0;overflow-wrap:anywhere}.notice{padding:.75rem;border-radius:.5rem;margin:1rem 0}',
  '.ok{background:#e5f6ea}.warn{background:#fff4d6}.fail{background:#fde7e7}',
  'form{display:flex;flex-direction:column;gap:.75rem;margin-top:1.25rem}',
  'button{font-size:1.15rem;padding:.9rem;border-radius:.5rem;border:1px solid #8a93a3;background:#fff}',
  'button:first-of-type{background:#1f7a3a;border-color:#1f7a3a;color:#fff;font-weight:600}',
].join('');

/**
 * The Content-Security-Policy of these pages: nothing loads, no script runs, the style is the one
 * above, forms post only to the page's own origin, and no other site may frame it.
 */
export const HTML_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made inert in HTML, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** The whole document: readable on a phone, no script, no external resource. */
export function renderHtmlPage(page: HtmlPage): string {
  const parts = [
    '<!doctype html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(page.title ?? page.heading)}</title>`,
    `<style>${STYLE}</style></head>`,
    '<body><main>',
    `<header>${escapeHtml(page.heading)}</header>`,
    page.title === undefined ? '' : `<h1>${escapeHtml(page.title)}</h1>`,
    page.notice === undefined
      ? ''
      : `<p class="notice ${page.notice.tone}" role="status">${escapeHtml(page.notice.text)}</p>`,
    ...page.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    page.form === undefined ? '' : renderForm(page.form),
    '</main></body></html>',
  ];
  return parts.join('\n');
}

function renderForm(form: HtmlForm): string {
  const hidden = Object.entries(form.hidden).map(
    ([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
  );
  const buttons = form.buttons.map(
    (button) =>
      `<button type="submit" name="${escapeHtml(button.name)}" value="${escapeHtml(button.value)}">${escapeHtml(button.label)}</button>`,
  );
  return ['<form method="post">', ...hidden, ...buttons, '</form>'].join('\n');
}
