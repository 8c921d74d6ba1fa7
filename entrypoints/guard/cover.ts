/**
 * A layer of the guard's own in the page's top layer — the overlay of a blocked site, the veil of
 * a dimmed one — that the page's scripts cannot lift (docs/ARCHITECTURE.md, "The page guard"):
 * - its host is a plain `<div>` (a page can define no custom element to upgrade it) holding a
 *   closed shadow root, so the page's scripts reach neither the dialog nor its buttons;
 * - the shadow's `:host` rules are `!important`, which outrank anything the page's own styles or
 *   inline style say about the host;
 * - `defend()` puts back within the same task (before the next frame) what the page changed:
 *   the host removed or moved, its attributes, `inert` on `<html>`, and a dialog, popover or
 *   full-screen element of the page's opened above it in the top layer.
 * A host lives in `<html>`, or in the parent its cover is given (the dim bar's twin goes into the
 * page's own modal dialog, `dimmer.ts`).
 */

/** Marks the guard's hosts (the value says which layer); the guard that replaces an orphan finds them by it. */
export const HOST_ATTRIBUTE = 'data-clocked-out';

const HOST_CSS = `:host { all: initial !important; display: block !important; position: static !important;
  visibility: visible !important; opacity: 1 !important; content-visibility: visible !important; }`;

export interface Cover {
  /** The host in the page (its attributes are watched by the guard). */
  readonly host: HTMLElement;
  /** The element in the top layer (a modal dialog, or a manual popover), inside the closed shadow root. */
  readonly layer: HTMLElement;
  /** Whether the cover is meant to be up. */
  readonly wanted: boolean;
  /** Puts the host in the page and the layer on top of the top layer. */
  raise(): void;
  /** Takes the cover down (only the guard does this). */
  drop(): void;
  /** Undoes whatever the page changed; true if something had to be put back. */
  defend(): boolean;
  /** Whether `node` is this cover's host. */
  owns(node: Node): boolean;
}

export function createCover(
  doc: Document,
  kind: 'overlay' | 'veil' | 'bar',
  css: string,
  makeLayer: (doc: Document) => HTMLElement,
  parent: () => Element | null = () => doc.documentElement,
): Cover {
  const host = doc.createElement('div');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `${HOST_CSS}\n${css}`;
  const layer = makeLayer(doc);
  shadow.append(style, layer);
  const isDialog = layer instanceof HTMLDialogElement;
  let wanted = false;

  const isOpen = () => (isDialog ? (layer as HTMLDialogElement).open && layer.matches(':modal') : layer.matches(':popover-open'));
  const open = () => {
    if (isDialog) (layer as HTMLDialogElement).showModal();
    else layer.showPopover();
  };
  const close = () => {
    if (isDialog) (layer as HTMLDialogElement).close();
    else if (layer.matches(':popover-open')) layer.hidePopover();
  };

  function cleanHost(): boolean {
    const names = host.getAttributeNames();
    if (names.length === 1 && host.getAttribute(HOST_ATTRIBUTE) === kind) return false;
    for (const name of names) host.removeAttribute(name);
    host.setAttribute(HOST_ATTRIBUTE, kind);
    return true;
  }

  function place(): boolean {
    const root = parent();
    if (!root?.isConnected || host.parentNode === root) return false;
    root.append(host);
    return true;
  }

  return {
    host,
    layer,
    get wanted() {
      return wanted;
    },
    raise() {
      wanted = true;
      cleanHost();
      place();
      // Closing and opening again moves the layer to the top of the top layer.
      if (isOpen()) close();
      if (host.isConnected) open();
    },
    drop() {
      wanted = false;
      close();
      host.remove();
    },
    defend() {
      if (!wanted) return false;
      let changed = cleanHost();
      if (place()) changed = true;
      if (doc.documentElement?.hasAttribute('inert')) {
        doc.documentElement.removeAttribute('inert');
        changed = true;
      }
      if (!isOpen()) changed = true;
      if (changed) {
        if (isOpen()) close();
        if (host.isConnected) open();
      }
      return changed;
    },
    owns: (node) => node === host,
  };
}

/** Hosts of the guard's layers in the page that `covers` do not own (an orphaned guard's, after an update). */
export function foreignHosts(doc: Document, covers: readonly Cover[]): Element[] {
  return [...doc.querySelectorAll(`[${HOST_ATTRIBUTE}]`)].filter((el) => !covers.some((c) => c.owns(el)));
}
