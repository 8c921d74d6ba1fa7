/**
 * The mark a running page guard sets on the global of its extension world (a `Symbol.for` key):
 * one guard per page and world, and how the worker tells a tab already guarded by this version.
 */
export const GUARD_MARK = 'clocked-out.page-guard';
