/**
 * The opaque overlay for a blocked site's tab that was already open at the boundary (or restored,
 * or reached within a single-page app). A modal dialog in the top layer of a closed shadow root
 * (`cover.ts`): the page underneath (scroll, typed text) is left exactly as it was, and inert
 * while covered.
 */
import { t } from '@/stores/i18n';
import { createCover } from './cover';
import { renderPanel, type PanelMemory, type PanelModel } from './panel';
import { PANEL_CSS } from './panel-css';

export type { PanelModel };

const OVERLAY_CSS = `${PANEL_CSS}
  dialog { position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; padding: 0;
    display: grid; place-items: center; background: #f6f3ee; color: #1f2937; }
  dialog:not([open]) { display: none; }
  dialog::backdrop { background: #f6f3ee; }
  .card { max-width: 34rem; padding: 2rem; }
  @media (prefers-color-scheme: dark) { dialog, dialog::backdrop { background: #1c1b1a; color: #f3f4f6; } }`;

export function createOverlay(doc: Document) {
  const cover = createCover(doc, 'overlay', OVERLAY_CSS, (d) => {
    const dialog = d.createElement('dialog');
    dialog.setAttribute('aria-label', t('afterHours'));
    // Escape must not uncover the page; if the browser closes the dialog anyway, it comes back.
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    dialog.addEventListener('close', () => {
      if (cover.wanted && !dialog.open) cover.defend();
    });
    return dialog;
  });

  const memory: PanelMemory = {};
  return {
    cover,
    /** Covers the page; `model: null` is the plain cover shown while the guard is still deciding. */
    show(model: PanelModel | null) {
      const card = doc.createElement('div');
      card.className = 'card';
      if (model) renderPanel(doc, card, model, false, memory);
      cover.layer.replaceChildren(card);
      if (!cover.wanted) cover.raise();
      else cover.defend();
    },
    hide() {
      memory.choice = null;
      cover.drop();
    },
  };
}
