import type { IncomingMessage, ServerResponse } from 'node:http';

/** An extra HTTP route beside Slack's (health, OAuth callbacks, the Slack install). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A small self-contained HTML page, for the browser tab an OAuth redirect (COR's or Slack's) lands in. */
export function page(title: string, message: string, tone: 'ok' | 'error'): string {
  const color = tone === 'ok' ? '#1a7f37' : '#b42318';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0;background:#f6f7f9;color:#1d2b4f}
main{background:#fff;padding:2rem 2.5rem;border-radius:12px;box-shadow:0 2px 12px #0001;max-width:32rem}h1{font-size:1.3rem;color:${color};margin-top:0}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
