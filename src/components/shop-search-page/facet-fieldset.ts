import { html } from 'lit';
import type { FacetCount } from '../../wasm/search.js';

export interface FacetFieldset {
  legend: string;
  /** The radio group's name. */
  name: string;
  /** The chosen value; undefined for "Alle". */
  chosen: string | undefined;
  counts: FacetCount[];
  /** What a value reads as (a category id becomes its name). */
  label: (value: string) => string;
  choose: (value: string | undefined) => void;
}

/** One radio group of a search facet: "Alle", then each value with what choosing it would give. */
export function facetFieldset({ legend, name, chosen, counts, label, choose }: FacetFieldset) {
  return html`<fieldset>
    <legend>${legend}</legend>
    <label><input type="radio" name=${name} .checked=${!chosen} @change=${() => choose(undefined)} /> Alle</label>
    ${counts.map(
      (c) =>
        html`<label
          ><input type="radio" name=${name} .checked=${chosen === c.value} @change=${() => choose(c.value)} />
          ${label(c.value)} <span class="count">(${c.count})</span></label
        >`,
    )}
  </fieldset>`;
}
