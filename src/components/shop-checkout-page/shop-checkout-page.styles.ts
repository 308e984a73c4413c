import { css } from 'lit';

export const checkoutStyles = css`
  .steps {
    display: flex;
    gap: 16px;
    list-style: none;
    padding: 0;
    margin: 0 0 24px;
    color: var(--shop-muted);
  }
  .steps [aria-current='step'] {
    color: var(--shop-text);
    font-weight: 700;
  }
  .layout {
    display: grid;
    gap: 24px;
    grid-template-columns: minmax(0, 1fr) 340px;
    align-items: start;
  }
  @media (max-width: 860px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .choices {
    border: 0;
    padding: 0;
    margin: 0 0 24px;
    display: grid;
    gap: 8px;
  }
  .choices legend {
    font-weight: 700;
    font-size: 1.1rem;
    margin-bottom: 12px;
  }
  .choice {
    display: flex;
    gap: 12px;
    align-items: center;
    padding: 12px;
    border: 1px solid var(--shop-border);
    border-radius: var(--shop-radius-small);
    background: var(--shop-surface);
    cursor: pointer;
  }
  .choice .price {
    margin-left: auto;
    font-variant-numeric: tabular-nums;
  }
  .choice input {
    width: 20px;
    height: 20px;
    margin: 0;
  }
  .legal {
    font-size: 0.9rem;
    color: var(--shop-muted);
  }
  address {
    font-style: normal;
  }
`;
