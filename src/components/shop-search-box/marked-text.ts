import { html, type TemplateResult } from 'lit';
import type { MatchRange } from '../../wasm/search.js';

/** The text with each matched range wrapped in <mark>, ranges as the engine reports them. */
export function markedText(text: string, ranges: readonly MatchRange[]): (string | TemplateResult)[] {
  const parts: (string | TemplateResult)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
