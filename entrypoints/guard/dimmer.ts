/**
 * Dimming an open page in place, and lifting it. The registered stylesheet (`dim.css`, generated from `utils/dim.ts`) dims
 * a page from its first frame, before any script runs; once the guard has decided, the veil takes
 * over: a popover in the top layer whose backdrop filter dims everything beneath it, with the bar
 * that says why. The page's own styles and scripts cannot reach the veil (`cover.ts`); the guard
 * then lifts the stylesheet itself so the page is not dimmed twice.
 *
 * A dimmed page stays usable, its own modal dialogs too, and what it puts in the top layer is
 * dimmed as well (docs/ARCHITECTURE.md, "The page guard"):
 * - the veil is raised again above the page's dialog, popover or full-screen element;
 * - a modal dialog makes everything outside it inert, the veil's bar too: while the page has one
 *   open, a twin of the bar (without the filter) goes inside that dialog, on top of the veil,
 *   where a person and assistive technology still reach it;
 * - a full-screen element makes everything else inert too and hides the browser's own controls,
 *   and it may be a `<video>` that can hold no bar: a dimmed page leaves full screen.
 */
import { t } from '@/stores/i18n';
import { DIM_FILTER } from '@/utils/dim';
import { createCover } from './cover';
import { renderPanel, type PanelMemory, type PanelModel } from './panel';
import { PANEL_CSS } from './panel-css';

const VEIL_CSS = `${PANEL_CSS}
  [popover] { position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; padding: 0;
    overflow: hidden; background: transparent; pointer-events: none; backdrop-filter: ${DIM_FILTER}; }
  .bar { position: absolute; right: 1rem; bottom: 1rem; max-width: 30rem; padding: .6rem .9rem; border: 1px solid #9ca3af;
    border-radius: .75rem; background: #fffdf8; color: #1f2937; box-shadow: 0 4px 16px rgb(0 0 0 / .25); pointer-events: auto; }
  .bar p { margin: .25rem 0; } .bar .actions { margin-top: .4rem; }
  [popover].pending { backdrop-filter: none; background: Canvas; }
  [popover].pending .bar { display: none; }`;
/** The twin of the bar: the veil's layout without its filter; its host takes no box in the page's dialog. */
const TWIN_CSS = `${VEIL_CSS}
  :host { display: contents !important; }
  [popover] { backdrop-filter: none; }`;

function layerWith(bar: HTMLElement) {
  return (doc: Document) => {
    const layer = doc.createElement('div');
    layer.setAttribute('popover', 'manual');
    layer.append(bar);
    return layer;
  };
}

/** `watch` is told of each page element the twin of the bar is put in, so that the guard notices when it is taken out. */
export function createDimmer(doc: Document, watch: (parent: Element) => void) {
  const makeBar = () => {
    const bar = doc.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', t('extName'));
    return bar;
  };
  const bars = [makeBar(), makeBar()] as const;
  const cover = createCover(doc, 'veil', VEIL_CSS, layerWith(bars[0]));
  // The page's open modal dialogs, oldest first: the last is the one not inert.
  let modals: Element[] = [];
  const twin = createCover(doc, 'bar', TWIN_CSS, layerWith(bars[1]), () => modals.at(-1) ?? null);
  const dimmed = () => cover.wanted && !cover.layer.classList.contains('pending');

  /**
   * Puts the twin of the bar into the page's topmost modal dialog (above the veil, which was just
   * `raised` or not), or takes it away; leaves full screen.
   */
  function follow(raised: boolean) {
    // Dialogs that opened since the last look are newer than those still open (the guard looks
    // each time one opens or closes); several found at once go in document order.
    const open = dimmed() ? [...doc.querySelectorAll('dialog:modal')] : [];
    const kept = modals.filter((d) => open.includes(d));
    modals = [...kept, ...open.filter((d) => !kept.includes(d))];
    const modal = modals.at(-1);
    if (!modal) twin.drop();
    else if (raised || !twin.wanted) twin.raise();
    else twin.defend();
    if (modal) watch(modal);
    if (dimmed() && doc.fullscreenElement) void doc.exitFullscreen().catch(() => undefined);
  }

  /** Back on top of the top layer: the page opened or closed a dialog, a popover, full screen. */
  function raise() {
    cover.raise();
    follow(true);
  }

  const memory: PanelMemory = {};
  return {
    cover,
    /** The twin of the bar, in the page's topmost modal dialog while one is open. */
    twin,
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
      for (const bar of bars) renderPanel(doc, bar, model, true, memory);
      if (cover.wanted) follow(cover.defend());
      else raise();
    },
    raise,
    /** Puts back what the page changed (`cover.ts`); the twin stays above the veil. */
    defend() {
      if (cover.wanted) follow(cover.defend());
    },
    lift() {
      memory.choice = null;
      modals = [];
      twin.drop();
      cover.drop();
    },
  };
}
