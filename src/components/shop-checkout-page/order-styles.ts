import { css } from 'lit';

/** The lines of an order and the cards around them, shared by checkout, confirmation and order history. */
export const orderStyles = css`
  .order-lines {
    list-style: none;
    margin: 0 0 16px;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .order-lines li {
    display: grid;
    grid-template-columns: 3.5em minmax(0, 1fr) auto;
    gap: 8px;
  }
  .qty,
  .amount {
    font-variant-numeric: tabular-nums;
  }
  .card {
    background: var(--shop-surface);
    border-radius: var(--shop-radius);
    box-shadow: var(--shop-shadow);
    padding: 20px;
    margin-bottom: 20px;
  }
  .card h2 {
    margin-top: 0;
    font-size: 1.15rem;
  }
  .problem {
    border-left: 4px solid var(--shop-sale);
  }
  .error {
    color: var(--shop-sale);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
  }
`;
