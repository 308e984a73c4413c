import { css } from 'lit';

export const updateToastStyles = css`
  :host {
    position: fixed;
    right: 16px;
    bottom: 16px;
    z-index: 40;
    max-width: min(420px, calc(100vw - 32px));
  }
  .toast {
    display: grid;
    gap: 12px;
    padding: 16px 18px;
    border-radius: var(--shop-radius);
    background: var(--shop-surface);
    color: var(--shop-text);
    box-shadow: 0 8px 28px rgb(0 0 0 / 22%);
    border: 1px solid var(--shop-border);
  }
  p {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
`;
