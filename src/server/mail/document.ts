/**
 * One template, two renderings: a mail is written once as a list of blocks, and both its plain-text
 * and its HTML part are rendered from them, so the two never say different things. The HTML has no
 * remote images, no tracking pixels, no scripts; every piece of text is escaped.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Label and amount per row, e.g. articles and the totals beneath them; `strong` marks the total. */
  | { kind: 'table'; rows: { label: string; detail?: string; amount: string; strong?: boolean }[] }
  | { kind: 'lines'; title: string; lines: string[] }
  | { kind: 'link'; text: string; href: string };

export interface MailDocument {
  subject: string;
  blocks: Block[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** Only http(s) links; anything else (javascript:, data:) is shown as text, never linked. */
const safeHref = (href: string): string | undefined => {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
};

const TEXT_WIDTH = 64;

export function renderText(doc: MailDocument): string {
  const parts = doc.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `${block.text}\n${'='.repeat(Math.min(block.text.length, TEXT_WIDTH))}`;
      case 'paragraph':
        return block.text;
      case 'table':
        return block.rows
          .map((row) => {
            const label = row.detail ? `${row.label} (${row.detail})` : row.label;
            const gap = Math.max(1, TEXT_WIDTH - label.length - row.amount.length);
            const line = `${label}${' '.repeat(gap)}${row.amount}`;
            return row.strong ? `${'-'.repeat(TEXT_WIDTH)}\n${line}` : line;
          })
          .join('\n');
      case 'lines':
        return [`${block.title}:`, ...block.lines.map((l) => `  ${l}`)].join('\n');
      case 'link':
        return `${block.text}:\n${block.href}`;
    }
  });
  return `${parts.join('\n\n')}\n`;
}

export function renderHtml(doc: MailDocument): string {
  const parts = doc.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(block.text)}</h1>`;
      case 'paragraph':
        return `<p style="margin:0 0 12px">${escapeHtml(block.text)}</p>`;
      case 'table':
        return `<table role="presentation" style="border-collapse:collapse;width:100%;margin:0 0 16px">${block.rows
          .map((row) => {
            const weight = row.strong ? 'font-weight:bold;border-top:1px solid #999;' : '';
            const detail = row.detail ? `<br><span style="color:#555">${escapeHtml(row.detail)}</span>` : '';
            return `<tr><td style="${weight}padding:4px 8px 4px 0">${escapeHtml(row.label)}${detail}</td><td style="${weight}padding:4px 0;text-align:right;white-space:nowrap">${escapeHtml(row.amount)}</td></tr>`;
          })
          .join('')}</table>`;
      case 'lines':
        return `<p style="margin:0 0 12px"><strong>${escapeHtml(block.title)}</strong><br>${block.lines.map(escapeHtml).join('<br>')}</p>`;
      case 'link': {
        const href = safeHref(block.href);
        return href
          ? `<p style="margin:0 0 12px"><a href="${escapeHtml(href)}">${escapeHtml(block.text)}</a></p>`
          : `<p style="margin:0 0 12px">${escapeHtml(block.text)}: ${escapeHtml(block.href)}</p>`;
      }
    }
  });
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(doc.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px">
${parts.join('\n')}
</body></html>
`;
}
