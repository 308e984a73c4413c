import { css } from 'lit';

export const addressFormStyles = css`
  fieldset {
    border: 0;
    margin: 0 0 24px;
    padding: 0;
    display: grid;
    gap: 16px;
    grid-template-columns: repeat(6, minmax(0, 1fr));
  }
  legend {
    font-weight: 700;
    font-size: 1.1rem;
    margin-bottom: 12px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    grid-column: span 6;
  }
  .half {
    grid-column: span 3;
  }
  .short {
    grid-column: span 2;
  }
  .long {
    grid-column: span 4;
  }
  @media (max-width: 560px) {
    .half,
    .short,
    .long {
      grid-column: span 6;
    }
  }
  label {
    font-weight: 600;
  }
  .optional {
    font-weight: 400;
    color: var(--shop-muted);
  }
  input {
    font: inherit;
    min-height: 44px;
    padding: 0 12px;
    border: 1px solid var(--shop-border);
    border-radius: var(--shop-radius-small);
    background: var(--shop-surface);
    color: var(--shop-text);
  }
  input[aria-invalid='true'] {
    border-color: var(--shop-sale);
  }
  .message {
    color: var(--shop-sale);
    font-size: 0.9rem;
    min-height: 1.2em;
    margin: 0;
  }
`;
