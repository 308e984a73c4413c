import { css } from 'lit';

export const orderPageStyles = css`
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    margin-bottom: 12px;
  }
  .top h1 {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .id {
    white-space: nowrap;
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    gap: 16px;
    align-items: start;
  }
  @media (max-width: 860px) {
    .grid {
      grid-template-columns: minmax(0, 1fr);
    }
    .wide {
      display: none;
    }
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
  }
  legend {
    font-weight: 700;
    font-size: 1.15rem;
    margin-bottom: 12px;
    padding: 0;
  }
  .sub {
    display: block;
    color: var(--shop-muted);
    font-size: 0.875rem;
  }
  .totals {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 4px 0;
    margin: 16px 0 0;
  }
  .totals dd {
    margin: 0;
    padding-left: 16px;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .totals .total {
    font-weight: 700;
    font-size: 1.1rem;
    border-top: 1px solid var(--shop-border);
    padding-top: 6px;
  }
  .totals .vat {
    color: var(--shop-muted);
    font-size: 0.9rem;
  }
  address {
    font-style: normal;
  }
  .timeline {
    list-style: none;
    padding: 0;
    margin: 0;
    border-left: 2px solid var(--shop-border);
  }
  .timeline li {
    position: relative;
    padding: 0 0 12px 16px;
  }
  .timeline li::before {
    content: '';
    position: absolute;
    left: -6px;
    top: 6px;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--shop-primary);
  }
  .timeline time {
    display: block;
    color: var(--shop-muted);
    font-size: 0.875rem;
  }
  dialog h2 {
    margin-top: 0;
  }
  dialog .actions {
    justify-content: flex-end;
    margin-top: 8px;
  }
  .tracking a {
    word-break: break-all;
  }
`;
