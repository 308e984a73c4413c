import { css } from 'lit';

export const couponFieldStyles = css`
  :host {
    display: block;
  }
  .row {
    display: flex;
    gap: 8px;
  }
  label {
    display: block;
    margin-bottom: 4px;
    font-size: 0.9rem;
    font-weight: 600;
  }
  input {
    flex: 1;
    min-width: 0;
    min-height: 44px;
    padding: 0 12px;
    border: 1px solid var(--shop-border);
    border-radius: var(--shop-radius-small);
    font: inherit;
    text-transform: uppercase;
  }
  button {
    min-height: 44px;
    padding: 0 16px;
    border: 0;
    border-radius: var(--shop-radius-small);
    background: var(--shop-primary);
    color: var(--shop-on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  input:focus-visible,
  button:focus-visible {
    outline: none;
    box-shadow: var(--shop-focus);
  }
  ul {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  li {
    display: flex;
    align-items: baseline;
    gap: 8px;
    font-size: 0.9rem;
  }
  .message {
    flex: 1;
  }
  .applied .message {
    color: var(--shop-success);
  }
  .refused .message {
    color: var(--shop-warning);
  }
  .remove {
    min-height: 32px;
    padding: 0 8px;
    background: none;
    color: var(--shop-muted);
    text-decoration: underline;
    font-weight: 400;
  }
`;
