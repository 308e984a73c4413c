import { css } from 'lit';

/** Buttons, focus rings and helpers every component shares. */
export const sharedStyles = css`
  :host {
    font-family: var(--shop-font);
  }
  a {
    color: inherit;
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--shop-focus);
    border-radius: var(--shop-radius-small);
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 44px;
    padding: 0 20px;
    border: 1px solid transparent;
    border-radius: 999px;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
    background: var(--shop-primary);
    color: var(--shop-on-primary);
    transition: background 0.15s ease;
  }
  .button:hover {
    background: var(--shop-primary-strong);
  }
  .button[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .button.secondary {
    background: var(--shop-surface);
    color: var(--shop-text);
    border-color: var(--shop-border);
  }
  .button.secondary:hover {
    background: #f1eee8;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .page {
    max-width: var(--shop-max-width);
    margin: 0 auto;
    padding: 24px var(--shop-gutter) 48px;
  }
  h1 {
    font-size: clamp(1.5rem, 4vw, 2.1rem);
    line-height: 1.2;
    margin: 0 0 8px;
  }
`;
