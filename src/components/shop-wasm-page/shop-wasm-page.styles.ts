import { css } from 'lit';
import { sharedStyles } from '../../styles/shared.js';

export const wasmPageStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }
    .lead {
      max-width: 65ch;
      color: var(--shop-muted);
      margin: 0 0 24px;
    }
    section {
      margin-top: 32px;
    }
    h2 {
      font-size: 1.3rem;
      margin: 0;
    }
    h3 {
      font-size: 1.05rem;
      margin: 24px 0 4px;
    }
    .section-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    .note {
      color: var(--shop-muted);
      font-size: 0.9rem;
      margin: 8px 0 16px;
      max-width: 70ch;
    }
    .problem {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      padding: 12px 16px;
      border-radius: var(--shop-radius);
      background: #fdecea;
      color: var(--shop-sale);
    }
    .tasks {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr));
      gap: 16px;
    }
    .task {
      padding: 16px;
      background: var(--shop-surface);
      border-radius: var(--shop-radius);
      box-shadow: var(--shop-shadow);
      min-height: 180px;
    }
    .task h3 {
      margin: 0;
    }
    .detail {
      margin: 2px 0 12px;
      color: var(--shop-muted);
      font-size: 0.9rem;
    }
    .bar-row {
      display: grid;
      grid-template-columns: 7.5em minmax(0, 1fr) 5.5em;
      align-items: center;
      gap: 8px;
      margin: 6px 0;
      font-size: 0.9rem;
    }
    .bar-track {
      height: 14px;
      border-radius: 7px;
      background: #f1eee8;
      overflow: hidden;
    }
    .bar {
      display: block;
      height: 100%;
      border-radius: 7px;
      transition: width 0.4s ease;
    }
    [data-kind='wasm'] .bar {
      background: var(--shop-primary);
    }
    [data-kind='reference'] .bar {
      background: var(--shop-accent);
    }
    .bar-value {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .ratio {
      margin: 12px 0 0;
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px 12px;
    }
    .samples {
      color: var(--shop-muted);
      font-size: 0.85rem;
    }
    progress {
      width: 100%;
      accent-color: var(--shop-primary);
    }
    .table-scroll {
      overflow-x: auto;
      margin-top: 12px;
      background: var(--shop-surface);
      border-radius: var(--shop-radius);
      box-shadow: var(--shop-shadow);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.95rem;
    }
    th,
    td {
      padding: 10px 12px;
      text-align: left;
      border-bottom: 1px solid var(--shop-border);
      vertical-align: top;
    }
    tbody tr:last-child > * {
      border-bottom: none;
    }
    thead th {
      font-size: 0.85rem;
      color: var(--shop-muted);
      font-weight: 600;
      white-space: nowrap;
    }
    .number {
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .purpose {
      display: block;
      font-weight: 400;
      font-size: 0.85rem;
      color: var(--shop-muted);
    }
    .memory-total {
      margin: 12px 0 0;
    }
    details {
      background: var(--shop-surface);
      border-radius: var(--shop-radius-small);
      border: 1px solid var(--shop-border);
      margin: 8px 0;
    }
    summary {
      cursor: pointer;
      padding: 10px 12px;
      min-height: 44px;
      display: flex;
      align-items: center;
    }
    .interface {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr));
      gap: 8px 24px;
      padding: 0 12px 12px;
    }
    h4 {
      margin: 8px 0 4px;
      font-size: 0.9rem;
    }
    .interface ul {
      margin: 0;
      padding-left: 18px;
      font-size: 0.9rem;
    }
    code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    .kind {
      color: var(--shop-muted);
      font-size: 0.85em;
    }
    .loading {
      color: var(--shop-muted);
    }
    /* Narrow screens: each module becomes a small card of labelled figures instead of a wide row. */
    @media (max-width: 640px) {
      thead {
        display: none;
      }
      tbody tr {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0 16px;
        padding: 12px;
        border-bottom: 1px solid var(--shop-border);
      }
      tbody tr:last-child {
        border-bottom: none;
      }
      tbody th {
        grid-column: 1 / -1;
        padding: 0 0 6px;
        border: none;
      }
      tbody td {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        padding: 3px 0;
        border: none;
      }
      tbody td::before {
        content: attr(data-label);
        color: var(--shop-muted);
        font-size: 0.85rem;
      }
    }
  `,
];
