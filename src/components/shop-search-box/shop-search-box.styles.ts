import { css } from 'lit';
import { sharedStyles } from '../../styles/shared.js';

export const searchBoxStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
      position: relative;
      color: var(--shop-text);
    }
    form {
      display: flex;
    }
    input {
      flex: 1;
      min-width: 0;
      min-height: 44px;
      padding: 0 16px;
      border: 0;
      border-radius: 999px;
      font: inherit;
      background: var(--shop-surface);
      color: var(--shop-text);
    }
    input:focus-visible {
      outline: none;
      box-shadow: var(--shop-focus);
    }
    [role='listbox'],
    .unavailable {
      position: absolute;
      z-index: 20;
      top: calc(100% + 6px);
      left: 0;
      right: 0;
      margin: 0;
      padding: 6px;
      list-style: none;
      background: var(--shop-surface);
      border: 1px solid var(--shop-border);
      border-radius: var(--shop-radius);
      box-shadow: var(--shop-shadow);
      max-height: min(70vh, 480px);
      overflow-y: auto;
    }
    .unavailable {
      padding: 10px 12px;
      font-size: 0.9rem;
    }
    [role='option'] {
      display: grid;
      grid-template-columns: 48px 1fr auto;
      align-items: center;
      gap: 12px;
      padding: 6px 8px;
      border-radius: var(--shop-radius-small);
      cursor: pointer;
    }
    [role='option'][aria-selected='true'],
    [role='option']:hover {
      background: #efeae1;
    }
    shop-image {
      width: 48px;
      height: 48px;
      border-radius: 6px;
    }
    .title {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    mark {
      background: none;
      color: inherit;
      font-weight: 700;
    }
    .price {
      font-variant-numeric: tabular-nums;
      color: var(--shop-muted);
    }
    .all {
      grid-template-columns: 1fr;
      color: var(--shop-primary);
      font-weight: 600;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
