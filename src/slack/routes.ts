import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLanguage, type Language } from '../lib/language.ts';

/** An extra HTTP route beside Slack's (health, OAuth callbacks, the Slack install). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * The first of the browser's languages (Accept-Language, by preference) that the bot speaks: `pt-BR,pt;q=0.9` is
 * Portuguese, `fr,es;q=0.8` Spanish; undefined when it names none of them.
 */
export function browserLanguage(req: IncomingMessage): Language | undefined {
  const ranked = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((r) => r.language).find(isLanguage);
}

/** A small self-contained HTML page in `lang`, for the browser tab an OAuth redirect (COR's or Slack's) lands in. */
export function page(lang: Language, title: string, message: string, tone: 'ok' | 'error'): string {
  const color = tone === 'ok' ? '#1a7f37' : '#b42318';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0;background:#f6f7f9;color:#1d2b4f}
main{background:#fff;padding:2rem 2.5rem;border-radius:12px;box-shadow:0 2px 12px #0001;max-width:32rem}h1{font-size:1.3rem;color:${color};margin-top:0}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
