import { css } from 'lit';
import { sharedStyles } from '../../styles/shared.js';

export const searchPageStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
      max-width: var(--shop-max-width);
      margin: 0 auto;
      padding: 24px var(--shop-gutter) 48px;
    }
    .filters > summary {
      min-height: 44px;
      display: flex;
      align-items: center;
      font-weight: 700;
      cursor: pointer;
    }
    /* display:flex drops the native disclosure triangle; draw one that turns when open. */
    .filters > summary::after {
      content: '';
      width: 8px;
      height: 8px;
      margin-left: 10px;
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: rotate(45deg) translateY(-3px);
      transition: transform 0.15s ease;
    }
    .filters[open] > summary::after {
      transform: rotate(-135deg) translateY(-3px);
    }
    @media (min-width: 721px) {
      /* Always open beside the results on a wide screen: the toggle has nothing to do there. */
      .filters > summary {
        display: none;
      }
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(200px, 240px) 1fr;
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 720px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    h1 {
      font-size: 1.5rem;
      margin: 0 0 4px;
    }
    .summary,
    .note {
      color: var(--shop-muted);
      margin: 0 0 16px;
    }
    .did-you-mean {
      font-size: 1.1rem;
      margin: 0 0 16px;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 20px;
    }
    legend {
      font-weight: 700;
      margin-bottom: 6px;
    }
    label {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 32px;
    }
    .count {
      color: var(--shop-muted);
      font-variant-numeric: tabular-nums;
    }
    .price-range {
      display: flex;
      gap: 8px;
    }
    .price-range input {
      width: 100%;
      min-height: 36px;
      font: inherit;
    }
    .toolbar {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 12px;
    }
    select {
      min-height: 40px;
      font: inherit;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 16px;
    }
    li {
      background: var(--shop-surface);
      border: 1px solid var(--shop-border);
      border-radius: var(--shop-radius);
      overflow: hidden;
      display: flex;
      flex-direction: column;
    }
    li .body {
      padding: 10px 12px 14px;
      display: grid;
      gap: 4px;
    }
    .brand {
      color: var(--shop-muted);
      font-size: 0.9rem;
    }
    h2 {
      font-size: 1rem;
      margin: 0;
    }
    h2 a {
      text-decoration: none;
    }
    mark {
      background: #fbe3b5;
      color: inherit;
      border-radius: 2px;
    }
    .price {
      font-weight: 700;
    }
    .more {
      margin-top: 20px;
      text-align: center;
    }
  `,
];
