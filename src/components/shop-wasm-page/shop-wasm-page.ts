import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { catalogContext } from '../../context/catalog.js';
import { pricingContext } from '../../context/pricing.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import type { PromotionRules } from '../../domain/promotions.js';
import { PricingService } from '../../services/pricing.js';
import { benchCard, type TaskRow } from './bench-chart.js';
import { MODULE_NAMES, loadEngines, memoryInUse, type ModuleName } from './engines.js';
import { formatBytes } from './format.js';
import { moduleFacts, type ModuleFacts } from './module-facts.js';
import { moduleInterfaces, moduleTable } from './module-table.js';
import { wasmPageStyles } from './shop-wasm-page.styles.js';
import { race } from './timing.js';
import { TASKS, races, type Engines, type TaskId } from './workloads.js';

const TASK_IDS = Object.keys(TASKS) as TaskId[];

/**
 * `/wasm`: the WebAssembly modules this shop runs (size on the wire, on disk and in memory, their
 * exports and imports read from the modules themselves) and a live benchmark on this device of
 * each engine against its plain-TypeScript reference. The references load only here, on demand.
 *
 * @summary The page about Laden's WebAssembly engines.
 */
@customElement('shop-wasm-page')
export class ShopWasmPage extends LitElement {
  static override styles = wasmPageStyles;

  /** The shown version's pricing, for its rules. */
  @consume({ context: pricingContext, subscribe: true })
  private pricing?: PricingService;

  @consume({ context: catalogContext, subscribe: true })
  @state()
  private catalog?: CatalogIndex;

  @state() private facts: ModuleFacts[] = [];
  @state() private memory?: Record<ModuleName, number>;
  @state() private rows: TaskRow[] = TASK_IDS.map((id) => ({ id }));
  @state() private running = false;
  @state() private problem = '';

  #engines?: Engines;
  #rules?: PromotionRules;
  #loadedFor?: CatalogIndex;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('catalog') && this.catalog && this.catalog !== this.#loadedFor) {
      this.#loadedFor = this.catalog;
      void this.load(this.catalog);
    }
  }

  private async load(index: CatalogIndex): Promise<void> {
    this.problem = '';
    try {
      const pricing = this.pricing ?? PricingService.for();
      const [facts] = await Promise.all([Promise.all(MODULE_NAMES.map(moduleFacts)), pricing.ready]);
      if (!pricing.rules) throw new Error(pricing.error ?? 'Die Preisregeln fehlen.');
      this.#rules = pricing.rules;
      this.#engines = await loadEngines(index.catalog, pricing.rules);
      this.facts = facts;
      this.memory = memoryInUse(this.#engines);
    } catch (error) {
      console.error(error);
      this.problem = `Die Module konnten nicht geladen werden: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private readonly onRun = async (): Promise<void> => {
    const engines = this.#engines;
    const rules = this.#rules;
    if (!engines || !rules || !this.catalog || this.running) return;
    this.running = true;
    this.problem = '';
    this.rows = TASK_IDS.map((id) => ({ id }));
    try {
      // Their own chunk: fetched the first time someone starts the benchmark, never by the shop.
      const references = await import('./references.js');
      const contests = races(this.catalog.catalog, rules, engines, references);
      for (const id of TASK_IDS) {
        // The shopper left the page: stop measuring for nobody.
        if (!this.isConnected) return;
        this.setRow({ id, progress: 0 });
        const result = await race(contests[id], {
          onSample: (done, total) => this.setRow({ id, progress: done / total }),
        });
        this.setRow({ id, result });
      }
      this.memory = memoryInUse(engines);
    } catch (error) {
      console.error(error);
      this.problem = `Die Messung ist abgebrochen: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.running = false;
    }
  };

  private setRow(row: TaskRow): void {
    this.rows = this.rows.map((r) => (r.id === row.id ? row : r));
  }

  private renderModules() {
    if (!this.memory) return html`<p class="loading" role="status">Module werden geladen …</p>`;
    const total = MODULE_NAMES.reduce((sum, name) => sum + this.memory![name], 0);
    return html`${moduleTable(this.facts, this.memory)}
      <p class="memory-total">
        Linearer Speicher in Gebrauch:
        <strong data-figure="memory-total" data-value=${total}>${formatBytes(total)}</strong>
        in ${MODULE_NAMES.length} Instanzen
      </p>
      <h3>Schnittstellen</h3>
      <p class="note">
        Direkt aus den Modulen gelesen mit <code>WebAssembly.Module.exports()</code> und <code>.imports()</code>.
      </p>
      ${moduleInterfaces(this.facts)}`;
  }

  override render() {
    const done = this.rows.every((r) => r.result);
    return html`<article class="page">
      <h1>WebAssembly in Laden</h1>
      <p class="lead">
        Preise, Suche und Vorschaubilder rechnet Laden in WebAssembly – dieselben Module im Browser, auf dem Server und
        im Kommandozeilenwerkzeug. Hier sehen Sie, welche Module geladen sind und wie schnell sie auf diesem Gerät
        rechnen.
      </p>
      ${
        this.problem
          ? html`<p class="problem" role="alert">
              ${this.problem}
              <button class="button secondary" @click=${() => this.catalog && this.load(this.catalog)}>
                Erneut versuchen
              </button>
            </p>`
          : nothing
      }
      <section aria-labelledby="bench-title">
        <div class="section-head">
          <h2 id="bench-title">Messung auf diesem Gerät</h2>
          <button class="button" ?disabled=${!this.memory || this.running} @click=${this.onRun}>
            ${this.running ? 'Misst …' : done ? 'Noch einmal messen' : 'Messung starten'}
          </button>
        </div>
        <p class="note">
          Jede Aufgabe läuft abwechselnd in WebAssembly und in reinem TypeScript (bei der Suche: MiniSearch, gleich
          eingestellt), mit denselben Daten aus diesem Katalog. Angegeben ist der Median je Durchgang.
        </p>
        <ul class="tasks" aria-live="polite">
          ${this.rows.map(benchCard)}
        </ul>
      </section>
      <section aria-labelledby="modules-title">
        <h2 id="modules-title">Geladene Module</h2>
        ${this.renderModules()}
      </section>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-wasm-page': ShopWasmPage;
  }
}
