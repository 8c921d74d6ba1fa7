/**
 * The controls shared by the overlay and the dim bar: when the site opens again, "Wrap up", and a
 * crisis exception that takes one click plus one confirmation. Plain DOM: this runs in every work
 * page and must stay small.
 */
import type { Response } from '@/utils/messages';

export interface PanelModel {
  siteName: string;
  /** "Opens again Mon 09:00". */
  opensAgain: string;
  wrapUpMinutes: number;
  wrapUpUsed: boolean;
  crisisMinutes: number;
  wrapUp(): Promise<Response>;
  crisis(): Promise<Response>;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>) {
  const node = doc.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** Fills `root` with the panel; `compact` is the one-line bar of a dimmed page. */
export function renderPanel(doc: Document, root: HTMLElement, model: PanelModel, compact: boolean) {
  const status = el(doc, 'p', { className: 'status', role: 'status' } as Partial<HTMLParagraphElement>);
  // Only a person's click (or key press) acts: a page's script cannot start a wrap-up or an exception.
  const run = async (event: Event, button: HTMLButtonElement, action: () => Promise<Response>) => {
    if (!event.isTrusted) return;
    button.disabled = true;
    const result = await action();
    if (!result.ok) {
      status.textContent = result.error;
      button.disabled = false;
    }
  };

  const wrapUp = el(doc, 'button', { type: 'button', textContent: `Wrap up — ${model.wrapUpMinutes} more minutes` });
  wrapUp.hidden = model.wrapUpUsed;
  wrapUp.addEventListener('click', (event) => void run(event, wrapUp, model.wrapUp));

  const crisis = el(doc, 'button', { type: 'button', className: 'crisis', textContent: 'Crisis exception…' });
  const confirm = el(doc, 'div', { className: 'confirm' });
  confirm.hidden = true;
  const yes = el(doc, 'button', { type: 'button', className: 'crisis', textContent: `Open ${model.siteName} for ${model.crisisMinutes} minutes` });
  const no = el(doc, 'button', { type: 'button', textContent: 'Cancel' });
  confirm.append(el(doc, 'p', {}, `A crisis exception opens ${model.siteName} for ${model.crisisMinutes} minutes and is counted as after-hours work. It ends by itself.`), yes, no);
  crisis.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    confirm.hidden = false;
    crisis.hidden = true;
    yes.focus();
  });
  no.addEventListener('click', () => {
    confirm.hidden = true;
    crisis.hidden = false;
    crisis.focus();
  });
  yes.addEventListener('click', (event) => void run(event, yes, model.crisis));

  const heading = compact
    ? el(doc, 'strong', {}, `After hours — ${model.siteName}. ${model.opensAgain}.`)
    : el(doc, 'h1', {}, `${model.siteName} is closed for the evening`);
  const body = compact ? [] : [el(doc, 'p', {}, `${model.opensAgain}. Your page is kept just as you left it, underneath.`)];
  root.replaceChildren(heading, ...body, el(doc, 'div', { className: 'actions' }, wrapUp, crisis), confirm, status);
}
