import { css } from 'lit';

export const productPageStyles = css`
  .crumbs {
    font-size: 0.875rem;
    color: var(--shop-muted);
    margin-bottom: 16px;
  }
  .crumbs a {
    color: var(--shop-muted);
  }
  .layout {
    display: grid;
    gap: clamp(16px, 4vw, 40px);
    grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
    align-items: start;
  }
  @media (max-width: 760px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .main-image {
    border-radius: var(--shop-radius);
    box-shadow: var(--shop-shadow);
  }
  .thumbs {
    display: flex;
    gap: 8px;
    margin-top: 10px;
  }
  .thumbs button {
    width: 76px;
    padding: 0;
    border: 2px solid transparent;
    border-radius: var(--shop-radius-small);
    overflow: hidden;
    background: none;
    cursor: pointer;
  }
  .thumbs button[aria-pressed='true'] {
    border-color: var(--shop-primary);
  }
  .buy {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .brand {
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--shop-muted);
  }
  .price {
    margin: 8px 0 0;
    font-size: 1.9rem;
    font-weight: 800;
  }
  .vat {
    margin: 0;
    font-size: 0.85rem;
    color: var(--shop-muted);
  }
  .options {
    border: 0;
    margin: 6px 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .options legend {
    margin-bottom: 6px;
    font-size: 0.925rem;
  }
  .options button {
    min-width: 48px;
    min-height: 44px;
    padding: 0 14px;
    border: 1px solid var(--shop-border);
    border-radius: var(--shop-radius-small);
    background: var(--shop-surface);
    font: inherit;
    cursor: pointer;
  }
  .options button[aria-pressed='true'] {
    border-color: var(--shop-primary);
    box-shadow: inset 0 0 0 1px var(--shop-primary);
    font-weight: 700;
  }
  .options button.unavailable {
    color: var(--shop-muted);
    text-decoration: line-through;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    margin-top: 8px;
  }
  .add {
    flex: 1;
    min-width: 200px;
  }
  .added {
    margin: 0;
    color: var(--shop-success);
    font-weight: 600;
  }
  .details {
    margin-top: 36px;
    max-width: 75ch;
  }
  .details h2 {
    font-size: 1.2rem;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 20px;
  }
  dt {
    color: var(--shop-muted);
  }
  dd {
    margin: 0;
  }
`;
