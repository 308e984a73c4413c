import { html, nothing } from 'lit';
import { formatDuration, formatRatio } from './format.js';
import { TASKS, type TaskId } from './workloads.js';
import type { RaceResult } from './timing.js';

export interface TaskRow {
  id: TaskId;
  result?: RaceResult;
  /** 0 to 1 while it runs. */
  progress?: number;
}

function bar(kind: 'wasm' | 'reference', label: string, ms: number, longest: number) {
  const share = Math.max(ms / longest, 0.01);
  return html`<div class="bar-row" data-kind=${kind}>
    <span class="bar-label">${label}</span>
    <span class="bar-track" aria-hidden="true"
      ><span class="bar" style="width: ${(share * 100).toFixed(1)}%"></span
    ></span>
    <span class="bar-value" data-figure="${kind}-ms" data-value=${ms}>${formatDuration(ms)}</span>
  </div>`;
}

/**
 * One card per task: median time per operation of WASM and of the TypeScript reference as bars
 * (each task on its own scale: they differ by orders of magnitude), and how many times faster.
 */
export function benchCard(row: TaskRow) {
  const task = TASKS[row.id];
  const result = row.result;
  const ratio = result ? result.referenceMs / result.wasmMs : 0;
  return html`<li class="task" data-task=${row.id}>
    <h3>${task.label}</h3>
    <p class="detail">${task.detail}</p>
    ${
      result
        ? html`${bar('wasm', 'WebAssembly', result.wasmMs, Math.max(result.wasmMs, result.referenceMs))}
            ${bar('reference', task.reference, result.referenceMs, Math.max(result.wasmMs, result.referenceMs))}
            <p class="ratio" data-figure="ratio" data-value=${ratio}>
              <strong>${ratio >= 1 ? 'WebAssembly' : task.reference} ${formatRatio(ratio)} schneller</strong>
              <span class="samples">Median aus ${result.samples} Messungen</span>
            </p>`
        : row.progress !== undefined
          ? html`<progress max="1" value=${row.progress} aria-label="${task.label}: Messung läuft"></progress>`
          : nothing
    }
  </li>`;
}
