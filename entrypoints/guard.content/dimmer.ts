/**
 * Dimming an open page in place, and lifting it. The registered stylesheet dims new pages from the
 * first frame; this covers tabs that were open at the boundary, and the bar says why.
 */
import { renderPanel, type PanelModel } from './panel';
import { PANEL_CSS } from './panel-css';

const LIFT_ATTRIBUTE = 'data-clocked-out-lift';
const DIM_FILTER = 'html:not([data-clocked-out-lift]) { filter: grayscale(1) brightness(0.55) !important; }';

export function createDimmer(doc: Document) {
  let style: HTMLStyleElement | null = null;
  let bar: HTMLElement | null = null;
  let panel: HTMLElement | null = null;

  function buildBar() {
    bar = doc.createElement('clocked-out-bar');
    const shadow = bar.attachShadow({ mode: 'open' });
    const css = doc.createElement('style');
    css.textContent = `${PANEL_CSS}
      [popover] { inset: auto 1rem 1rem auto; margin: 0; max-width: 30rem; padding: .6rem .9rem; border: 1px solid #9ca3af;
        border-radius: .75rem; background: #fffdf8; color: #1f2937; box-shadow: 0 4px 16px rgb(0 0 0 / .25); }
      p { margin: .25rem 0; } .actions { margin-top: .4rem; }`;
    panel = doc.createElement('div');
    panel.setAttribute('popover', 'manual');
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', 'Clocked Out');
    shadow.append(css, panel);
    doc.documentElement.append(bar);
  }

  return {
    dim(model: PanelModel) {
      doc.documentElement.removeAttribute(LIFT_ATTRIBUTE);
      if (!style?.isConnected) {
        style = doc.createElement('style');
        style.textContent = DIM_FILTER;
        doc.documentElement.append(style);
      }
      if (!bar?.isConnected) buildBar();
      if (!panel) return;
      renderPanel(doc, panel, model, true);
      // The top layer is outside the page's filter, so the bar itself stays readable.
      if (!panel.matches(':popover-open')) panel.showPopover();
    },
    lift() {
      doc.documentElement.setAttribute(LIFT_ATTRIBUTE, '');
      style?.remove();
      style = null;
      bar?.remove();
      bar = null;
      panel = null;
    },
  };
}
