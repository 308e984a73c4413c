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
  .legal {
    font-size: 0.9rem;
    color: var(--shop-muted);
  }
  address {
    font-style: normal;
  }
`;
