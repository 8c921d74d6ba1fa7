/**
 * The opaque overlay for a blocked site's tab that was already open at the boundary. A modal
 * dialog in the top layer of a shadow root: the page underneath (scroll, typed text) is
 * left exactly as it was, and inert while covered.
 */
import { renderPanel, type PanelModel } from './panel';
import { PANEL_CSS } from './panel-css';

export type { PanelModel };

export function createOverlay(doc: Document) {
  let host: HTMLElement | null = null;
  let dialog: HTMLDialogElement | null = null;
  let wanted = false;

  function build() {
    host = doc.createElement('clocked-out-overlay');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = `${PANEL_CSS}
      dialog { position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; padding: 0;
        display: grid; place-items: center; background: #f6f3ee; color: #1f2937; }
      dialog:not([open]) { display: none; }
      dialog::backdrop { background: #f6f3ee; }
      .card { max-width: 34rem; padding: 2rem; }
      @media (prefers-color-scheme: dark) { dialog, dialog::backdrop { background: #1c1b1a; color: #f3f4f6; } }`;
    dialog = doc.createElement('dialog');
    dialog.setAttribute('aria-label', 'After hours');
    // Escape must not uncover the page; if the browser closes the dialog anyway, it comes back.
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    dialog.addEventListener('close', () => {
      if (wanted && dialog?.isConnected) dialog.showModal();
    });
    shadow.append(style, dialog);
    doc.documentElement.append(host);
  }

  return {
    show(model: PanelModel) {
      wanted = true;
      if (!host?.isConnected) build();
      if (!dialog) return;
      const card = doc.createElement('div');
      card.className = 'card';
      renderPanel(doc, card, model, false);
      dialog.replaceChildren(card);
      if (!dialog.open) dialog.showModal();
    },
    hide() {
      wanted = false;
      dialog?.close();
      host?.remove();
      host = null;
      dialog = null;
    },
  };
}
