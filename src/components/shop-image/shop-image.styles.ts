import { css } from 'lit';

export const shopImageStyles = css`
  :host {
    display: block;
    position: relative;
    overflow: hidden;
    /* The space is reserved by aspect-ratio (set from width/height), so nothing moves on load. */
    background: var(--shop-image-backdrop, #eeeae3);
  }
  img {
    position: absolute;
    inset: 0;
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
    opacity: 0;
    transition: opacity 180ms ease-out;
  }
  img.loaded {
    opacity: 1;
  }
  .placeholder {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: #9c968c;
  }
  .placeholder svg {
    width: min(3rem, 40%);
    height: auto;
  }
  @media (prefers-reduced-motion: reduce) {
    img {
      transition: none;
    }
  }
`;
