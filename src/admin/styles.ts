import { css } from 'lit';

/** Forms, cards, tables and messages the back office pages share (on top of sharedStyles). */
export const adminStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* Headings take the focus after a navigation only to start reading there: no ring, they do nothing. */
  h1[tabindex='-1']:focus-visible {
    box-shadow: none;
  }
  .page {
    padding-top: 20px;
  }
  .card {
    background: var(--shop-surface);
    border-radius: var(--shop-radius);
    box-shadow: var(--shop-shadow);
    padding: 16px;
    margin: 0 0 16px;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0 0 12px;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0 0 4px;
  }
  input,
  select,
  textarea {
    font: inherit;
    width: 100%;
    min-height: 44px;
    padding: 8px 12px;
    border: 1px solid #8a918d;
    border-radius: var(--shop-radius-small);
    background: var(--shop-surface);
    color: var(--shop-text);
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    border-color: var(--shop-primary);
  }
  .field {
    margin: 0 0 14px;
  }
  .hint {
    color: var(--shop-muted);
    font-size: 0.875rem;
    margin: 4px 0 0;
  }
  .error {
    color: var(--shop-sale);
    font-weight: 600;
  }
  .notice {
    padding: 10px 14px;
    border-radius: var(--shop-radius-small);
    background: #fff4e0;
    color: #5c3700;
    border: 1px solid #f2d19a;
  }
  .success {
    padding: 10px 14px;
    border-radius: var(--shop-radius-small);
    background: #e6f2ea;
    color: var(--shop-success);
    border: 1px solid #b9dbc5;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .muted {
    color: var(--shop-muted);
  }
  .danger {
    background: var(--shop-sale);
  }
  .danger:hover {
    background: #8c1d17;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95rem;
  }
  th,
  td {
    text-align: left;
    padding: 10px 8px;
    border-bottom: 1px solid var(--shop-border);
    vertical-align: top;
  }
  td {
    overflow-wrap: anywhere;
  }
  @media (max-width: 480px) {
    th,
    td {
      padding: 8px 4px;
    }
    .card {
      padding: 12px;
    }
  }
  th {
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--shop-muted);
  }
  .number {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .state {
    display: inline-block;
    padding: 2px 10px;
    border-radius: 999px;
    font-size: 0.85rem;
    font-weight: 600;
    background: #eef0ef;
    color: var(--shop-text);
    white-space: nowrap;
  }
  .state[data-state='confirmed'] {
    background: #e3ecf8;
    color: #1d3f73;
  }
  .state[data-state='processing'] {
    background: #fff1d6;
    color: #6b4100;
  }
  .state[data-state='shipped'] {
    background: #e6f2ea;
    color: #175c30;
  }
  .state[data-state='delivered'] {
    background: #dcefe6;
    color: #0e4a2a;
  }
  .state[data-state='cancelled'] {
    background: #f8e3e1;
    color: #8c1d17;
  }
  dialog {
    border: none;
    border-radius: var(--shop-radius);
    box-shadow: 0 8px 40px rgb(0 0 0 / 30%);
    padding: 20px;
    width: min(460px, calc(100vw - 24px));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
`;
