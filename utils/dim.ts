/**
 * The dim, written once (docs/ARCHITECTURE.md, "The page guard"): the stylesheet registered at
 * `document_start` (`dim.css`, generated from this by wxt.config.ts) and the page guard's veil
 * both use `DIM_FILTER`, so a page looks the same dimmed before and after the guard is up.
 */

/** The filter a dimmed work page is seen through. */
export const DIM_FILTER = 'grayscale(1) brightness(0.55)';

/** Set on `<html>` by the page guard when an open tab is let through again: lifts `dim.css`. */
export const LIFT_ATTRIBUTE = 'data-clocked-out-lift';

/** The file registered for sites being dimmed, so their first painted frame is dimmed. */
export const DIM_STYLESHEET = 'dim.css';

/** The contents of `dim.css`. */
export function dimStylesheet(): string {
  return `/* Generated from utils/dim.ts. Registered at document_start for sites being dimmed, so the first
   painted frame is dimmed; the page guard sets ${LIFT_ATTRIBUTE} on <html> when an open tab is let through. */
html:not([${LIFT_ATTRIBUTE}]) {
  filter: ${DIM_FILTER} !important;
}
`;
}
