import { css } from 'lit';
import { sharedStyles } from '../../styles/shared.js';
import { skipLinkStyles } from '../../styles/skip-link.js';

export const adminAppStyles = [
  sharedStyles,
  skipLinkStyles,
  css`
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    header {
      background: var(--shop-primary);
      color: var(--shop-on-primary);
      box-shadow: 0 2px 8px rgb(0 0 0 / 15%);
    }
    .bar {
      max-width: var(--shop-max-width);
      margin: 0 auto;
      padding: 8px var(--shop-gutter);
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
    }
    .brand {
      font-size: 1.25rem;
      font-weight: 800;
      letter-spacing: -0.02em;
      text-decoration: none;
      min-height: 44px;
      display: inline-flex;
      align-items: center;
    }
    .brand span {
      font-weight: 500;
      opacity: 0.85;
      margin-left: 6px;
    }
    .who {
      margin-left: auto;
      display: flex;
      align-items: center;
      gap: 8px;
      font-size: 0.875rem;
    }
    .who .email {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-width: 28ch;
    }
    .who .button {
      min-height: 40px;
      padding: 0 14px;
      background: transparent;
      border-color: rgb(255 255 255 / 60%);
      color: var(--shop-on-primary);
    }
    .who .button:hover {
      background: rgb(255 255 255 / 12%);
    }
    nav {
      background: var(--shop-surface);
      border-bottom: 1px solid var(--shop-border);
    }
    nav ul {
      max-width: var(--shop-max-width);
      margin: 0 auto;
      /* The links' own padding lines their text up with the page's left edge. */
      padding: 0 calc(var(--shop-gutter) - 12px);
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0 4px;
    }
    nav a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0 12px;
      text-decoration: none;
      font-weight: 600;
      white-space: nowrap;
      border-bottom: 3px solid transparent;
    }
    nav a[aria-current='page'] {
      border-bottom-color: var(--shop-primary);
      color: var(--shop-primary);
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
    @media (max-width: 480px) {
      .who .email {
        display: none;
      }
    }
  `,
];
