import { css } from 'lit';

export const orderConfirmationStyles = css`
  .status {
    font-size: 1.1rem;
    font-weight: 700;
  }
  [data-state='confirmed'] .status {
    color: var(--shop-success);
  }
  [data-state='rejected'] .status {
    color: var(--shop-sale);
  }
  .number {
    font-size: 1.4rem;
    font-weight: 700;
    letter-spacing: 0.05em;
  }
  .changes {
    width: 100%;
    border-collapse: collapse;
    margin: 12px 0 16px;
  }
  .changes caption {
    text-align: left;
    font-weight: 700;
    margin-bottom: 8px;
  }
  .changes th,
  .changes td {
    text-align: left;
    padding: 6px 8px 6px 0;
    border-bottom: 1px solid var(--shop-border);
  }
  .changes td {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .changes .grand {
    font-weight: 700;
  }
`;
