import { css } from 'lit';

/** "Zum Inhalt springen": off screen until it takes the keyboard focus (shop and back office shells). */
export const skipLinkStyles = css`
  .skip {
    position: absolute;
    left: 8px;
    top: -60px;
    z-index: 20;
    padding: 10px 14px;
    background: var(--shop-surface);
    border-radius: var(--shop-radius-small);
  }
  .skip:focus {
    top: 8px;
  }
`;
