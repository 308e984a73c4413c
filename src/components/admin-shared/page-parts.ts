import { css, html, nothing } from 'lit';

/** Blocks every back office page repeats: the error line and "Weitere laden" under a keyset list. */

/** The page's error, announced at once; nothing when there is none. */
export const errorAlert = (message: string) => (message ? html`<p class="error" role="alert">${message}</p>` : nothing);

/** The button that fetches the page after `next`; nothing on the last page. */
export const loadMoreButton = (next: string | null, busy: boolean, loadMore: (after: string) => void) =>
  next
    ? html`<div class="more">
        <button class="button secondary" ?disabled=${busy} @click=${() => loadMore(next)}>Weitere laden</button>
      </div>`
    : nothing;

export const loadMoreStyles = css`
  .more {
    display: flex;
    justify-content: center;
    margin-top: 16px;
  }
`;
