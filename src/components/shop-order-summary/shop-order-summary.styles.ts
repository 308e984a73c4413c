import { css } from 'lit';

export const orderSummaryStyles = css`
  :host {
    display: block;
  }
  dl {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 8px 0;
    margin: 0;
  }
  dd {
    margin: 0;
    padding-left: 12px;
    text-align: right;
    white-space: nowrap;
  }
  .discount {
    color: var(--shop-sale);
  }
  .hint {
    grid-column: 1 / -1;
    margin: -4px 0 0;
    font-size: 0.85rem;
    color: var(--shop-primary);
  }
  .grand {
    font-size: 1.2rem;
    font-weight: 800;
    padding-top: 8px;
    border-top: 1px solid var(--shop-border);
  }
  .vat {
    font-size: 0.85rem;
    color: var(--shop-muted);
  }
  .problem {
    margin: 0;
    color: var(--shop-warning);
  }
`;
