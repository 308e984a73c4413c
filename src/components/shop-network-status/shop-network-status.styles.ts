import { css } from 'lit';

export const networkStatusStyles = css`
  :host {
    display: contents;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 0 12px;
    border-radius: 999px;
    font-size: 0.875rem;
    font-weight: 600;
    background: #fff4e0;
    color: #5c3800;
  }
  .pill.online {
    background: #e3f3e8;
    color: #14522b;
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
  }
  .banner {
    position: fixed;
    inset: auto 0 0 0;
    z-index: 30;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 12px;
    padding: 10px var(--shop-gutter);
    background: #3b2a06;
    color: #fff8e8;
    font-size: 0.9rem;
  }
  .banner p {
    margin: 0;
    max-width: 70ch;
  }
  .banner button {
    flex: none;
    min-height: 40px;
    padding: 0 14px;
    border: 1px solid rgb(255 248 232 / 60%);
    border-radius: 999px;
    background: transparent;
    color: inherit;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .banner button:focus-visible {
    outline: 3px solid #ffd58a;
    outline-offset: 2px;
  }
  .banner strong {
    color: #ffd58a;
  }
`;
