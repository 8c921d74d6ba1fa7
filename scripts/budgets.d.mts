/** Types of scripts/budgets.mjs, for its tests. */
export interface Figure {
  readonly name: 'worker' | 'guard' | 'package' | 'locales';
  readonly file: string;
  readonly bytes: number;
  readonly budget: number;
  readonly ok: boolean;
}
export declare const BUDGETS: { readonly worker: number; readonly guard: number; readonly package: number; readonly locales: number };
export declare function measure(dir: string): Figure[];
export declare function report(dir: string, log?: (line: string) => void): 0 | 1;
