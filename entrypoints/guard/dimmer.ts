/**
 * Dimming an open page in place, and lifting it. The registered stylesheet (`public/dim.css`) dims
 * a page from its first frame, before any script runs; once the guard has decided, the veil takes
 * over: a popover in the top layer whose backdrop filter dims everything beneath it, with the bar
 * that says why. The page's own styles and scripts cannot reach the veil (`cover.ts`); the guard
 * then lifts the stylesheet itself so the page is not dimmed twice.
 */
import { createCover } from './cover';
import { renderPanel, type PanelModel } from './panel';
import { PANEL_CSS } from './panel-css';

/** Set on `<html>` to lift the registered stylesheet; only the guard may set it (see page-guard.ts). */
export const LIFT_ATTRIBUTE = 'data-clocked-out-lift';
/** The dim itself, the same as `public/dim.css` (a unit test keeps the two equal). */
export const DIM_FILTER = 'grayscale(1) brightness(0.55)';

const VEIL_CSS = `${PANEL_CSS}
  [popover] { position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; padding: 0;
    overflow: hidden; background: transparent; pointer-events: none; backdrop-filter: ${DIM_FILTER}; }
  .bar { position: absolute; right: 1rem; bottom: 1rem; max-width: 30rem; padding: .6rem .9rem; border: 1px solid #9ca3af;
    border-radius: .75rem; background: #fffdf8; color: #1f2937; box-shadow: 0 4px 16px rgb(0 0 0 / .25); pointer-events: auto; }
  .bar p { margin: .25rem 0; } .bar .actions { margin-top: .4rem; }
  [popover].pending { backdrop-filter: none; background: Canvas; }
  [popover].pending .bar { display: none; }`;

export function createDimmer(doc: Document) {
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Clocked Out');
  const cover = createCover(doc, 'veil', VEIL_CSS, (d) => {
    const veil = d.createElement('div');
    veil.setAttribute('popover', 'manual');
    veil.append(bar);
    return veil;
  });

  return {
    cover,
    /**
     * Hides the page, as a blank page looks, while the guard decides: a restored tab or one whose
     * rules were stale must not paint the site before the guard knows. Not modal: nothing is
     * made inert and no focus is taken, so a page in work hours loads as usual.
     */
    pending() {
      cover.layer.classList.add('pending');
      if (!cover.wanted) cover.raise();
    },
    dim(model: PanelModel) {
      cover.layer.classList.remove('pending');
      renderPanel(doc, bar, model, true);
      if (!cover.wanted) cover.raise();
      else cover.defend();
    },
    lift() {
      cover.drop();
    },
  };
}
