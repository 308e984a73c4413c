import { css } from 'lit';

export const cartPageStyles = css`
  .layout {
    display: grid;
    gap: 24px;
    grid-template-columns: minmax(0, 1fr) 320px;
    align-items: start;
  }
  @media (max-width: 860px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .line {
    display: grid;
    grid-template-columns: 88px minmax(0, 1fr) auto;
    grid-template-areas: 'thumb info total' 'thumb controls controls';
    gap: 8px 16px;
    padding: 12px;
    background: var(--shop-surface);
    border-radius: var(--shop-radius);
    box-shadow: var(--shop-shadow);
  }
  .thumb {
    grid-area: thumb;
    width: 88px;
    border-radius: var(--shop-radius-small);
  }
  .info {
    grid-area: info;
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .title {
    font-weight: 600;
    text-decoration: none;
  }
  .variant,
  .unit {
    font-size: 0.85rem;
    color: var(--shop-muted);
  }
  .controls {
    grid-area: controls;
    display: flex;
    align-items: center;
    gap: 12px;
  }
  .remove {
    min-height: 44px;
    border: 0;
    background: none;
    color: var(--shop-muted);
    text-decoration: underline;
    font: inherit;
    cursor: pointer;
  }
  .problem {
    font-size: 0.85rem;
    color: var(--shop-warning);
  }
  .list {
    margin-right: 6px;
    font-weight: 400;
    color: var(--shop-muted);
  }
  .total {
    grid-area: total;
    font-weight: 700;
    white-space: nowrap;
  }
  .summary {
    display: flex;
    flex-direction: column;
    gap: 18px;
    position: sticky;
    top: 90px;
    padding: 18px;
    background: var(--shop-surface);
    border-radius: var(--shop-radius);
    box-shadow: var(--shop-shadow);
  }
  dl {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 8px;
    margin: 0;
  }
  dd {
    margin: 0;
    text-align: right;
  }
  .grand {
    font-size: 1.2rem;
    font-weight: 800;
    padding-top: 8px;
    border-top: 1px solid var(--shop-border);
  }
  .vat {
    margin: 6px 0 0;
    font-size: 0.85rem;
    color: var(--shop-muted);
  }
  .empty {
    color: var(--shop-muted);
  }
  .price-changes {
    margin: 0 0 20px;
    padding: 12px 16px;
    border: 1px solid #f0cf94;
    border-radius: var(--shop-radius-small);
    background: #fff4e0;
  }
  .price-changes p {
    margin: 0;
    font-weight: 700;
  }
  .changes {
    width: 100%;
    border-collapse: collapse;
    margin: 8px 0 12px;
  }
  .changes caption {
    text-align: left;
  }
  .changes th,
  .changes td {
    text-align: left;
    padding: 4px 8px 4px 0;
    border-bottom: 1px solid var(--shop-border);
  }
  .changes td {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;
