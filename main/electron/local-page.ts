/**
 * A page the main process shows by itself when the screen's own page cannot be (the hall
 * unreachable, a renderer that keeps crashing): self-contained HTML as a data: URL, so it works
 * in client mode too, where nothing of the app is served on this PC. No script runs in it.
 */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function localPage(page: { lang: string; title: string; lines: readonly string[]; tone: 'wait' | 'error' }): string {
  const accent = page.tone === 'error' ? '#b00020' : '#0b5cad';
  const html = `<!doctype html><html lang="${escapeHtml(page.lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(page.title)}</title>
<style>html,body{height:100%;margin:0}body{display:flex;align-items:center;justify-content:center;background:#f4f6f8;color:#1a1a1a;font:24px system-ui,"Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:46em;padding:48px;background:#fff;border-top:8px solid ${accent};box-shadow:0 2px 12px rgba(0,0,0,.12)}h1{font-size:36px;margin:0 0 24px;color:${accent}}p{margin:0 0 12px}</style></head>
<body><main role="alert"><h1>${escapeHtml(page.title)}</h1>${page.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
