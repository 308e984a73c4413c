export const BUDGET_BYTES: number;

export interface FirstLoadFile {
  path: string;
  bytes: number;
  gzip: number;
}

export interface FirstLoad {
  files: FirstLoadFile[];
  gzip: number;
}

export function entryFiles(html: string): string[];
export function staticImports(code: string, from: string): string[];
export function firstLoad(html: string, read: (path: string) => Uint8Array): FirstLoad;
export function checkBudget(distDir: string, budget?: number): FirstLoad & { budget: number; ok: boolean };
