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
/** A page loaded when entered: its chunks beyond the shell's. */
export interface RouteLoad {
  route: string;
  files: FirstLoadFile[];
  gzip: number;
}

export function routeLoads(distDir: string, shell: Set<string>): RouteLoad[];
/** `files` and `shellGzip`: the shell's; `gzip`: the shell plus the heaviest page's own chunks. */
export function checkBudget(
  distDir: string,
  budget?: number,
): FirstLoad & { shellGzip: number; routes: RouteLoad[]; heaviest: string | undefined; budget: number; ok: boolean };
