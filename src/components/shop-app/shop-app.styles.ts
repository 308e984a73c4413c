import { css } from 'lit';
import { sharedStyles } from '../../styles/shared.js';
import { skipLinkStyles } from '../../styles/skip-link.js';

export const appStyles = [
  sharedStyles,
  skipLinkStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    main {
      flex: 1;
      outline: none;
    }
    .loading,
    .problem {
      max-width: var(--shop-max-width);
      margin: 0 auto;
      padding: 48px var(--shop-gutter);
    }
    /* The footer stays below the fold whatever the page's height, so neither the loading state nor a
       short page (an empty cart) makes it jump into view when the page arrives. */
    main {
      min-height: 100vh;
    }
    footer {
      padding: 24px var(--shop-gutter);
      background: #1d2421;
      color: #d9d4ca;
      font-size: 0.875rem;
      text-align: center;
    }
  `,
];
