import { html } from 'lit';
import { formatBytes } from './format.js';
import type { ModuleFacts } from './module-facts.js';
import type { ModuleName } from './engines.js';

const PURPOSE: Record<ModuleName, string> = {
  pricing: 'Preise, Aktionen, Gutscheine, MwSt.',
  search: 'Volltextsuche mit Tippfehlertoleranz',
  thumbnail: 'Vorschaubilder in linearem Licht',
};

const KIND: Record<string, string> = { function: 'Funktion', memory: 'Speicher', global: 'Global', table: 'Tabelle' };

const COLUMNS = {
  'wire-bytes': 'Übertragen',
  'file-bytes': 'Datei',
  'memory-bytes': 'Speicher',
  exports: 'Exporte',
  imports: 'Importe',
} as const;

/** One figure; its column name rides along for the stacked layout on narrow screens. */
function figure(name: keyof typeof COLUMNS, value: number, text: string) {
  return html`<td class="number" data-label=${COLUMNS[name]} data-figure=${name} data-value=${value}>${text}</td>`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The modules as a table: sizes on the wire, on disk and in memory, and how many ex-/imports. */
export function moduleTable(facts: ModuleFacts[], memory: Record<ModuleName, number>) {
  return html`<div class="table-scroll">
      <table>
        <caption class="visually-hidden">
          Geladene WebAssembly-Module
        </caption>
        <thead>
          <tr>
            <th scope="col">Modul</th>
            <th scope="col" class="number">Übertragen</th>
            <th scope="col" class="number">Datei</th>
            <th scope="col" class="number">Speicher</th>
            <th scope="col" class="number">Exporte</th>
            <th scope="col" class="number">Importe</th>
          </tr>
        </thead>
        <tbody>
          ${facts.map((m) => {
            const name = m.name as ModuleName;
            return html`<tr data-module=${m.name} data-url=${m.url}>
              <th scope="row"><code>${m.name}.wasm</code><span class="purpose">${PURPOSE[name]}</span></th>
              ${figure('wire-bytes', m.wireBytes, `${formatBytes(m.wireBytes)}${m.wireMeasured ? '' : '*'}`)}
              ${figure('file-bytes', m.fileBytes, formatBytes(m.fileBytes))}
              ${figure('memory-bytes', memory[name], formatBytes(memory[name]))}
              ${figure('exports', m.exports.length, String(m.exports.length))}
              ${figure('imports', m.imports.length, String(m.imports.length))}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${
      facts.some((m) => !m.wireMeasured)
        ? html`<p class="note">* Kam aus dem Cache: so groß mit gzip, wie der Server das Modul schickt.</p>`
        : ''
    }`;
}

/** Each module's interface, read with WebAssembly.Module.exports() and .imports(). */
export function moduleInterfaces(facts: ModuleFacts[]) {
  return facts.map(
    (m) =>
      html`<details data-module=${m.name}>
        <summary>
          <code>${m.name}.wasm</code>: ${count(m.exports.length, 'Export', 'Exporte')},
          ${count(m.imports.length, 'Import', 'Importe')}
        </summary>
        <div class="interface">
          <div>
            <h4>Exporte</h4>
            <ul>
              ${m.exports.map((e) => html`<li><code>${e.name}</code> <span class="kind">${KIND[e.kind] ?? e.kind}</span></li>`)}
            </ul>
          </div>
          <div>
            <h4>Importe</h4>
            <ul>
              ${
                m.imports.length
                  ? m.imports.map(
                      (i) =>
                        html`<li>
                          <code>${i.module}.${i.name}</code> <span class="kind">${KIND[i.kind] ?? i.kind}</span>
                        </li>`,
                    )
                  : html`<li class="kind">keine</li>`
              }
            </ul>
          </div>
        </div>
      </details>`,
  );
}
