/**
 * The controls shared by the overlay and the dim bar: when the site opens again, "Wrap up", and a
 * crisis exception — the same steps and words as the popup's and the blocked page's
 * (`crisisView` in utils/crisis.ts), drawn here in plain DOM: this runs in every work page, must
 * stay small and may not load Preact. Only a person's click or key press acts (`isTrusted`).
 */
import { choose, crisisView, initialChoice, type ChoiceView, type CrisisChoice, type CrisisInput } from '@/utils/crisis';
import type { Response } from '@/utils/messages';
import { t } from '@/stores/i18n';
import type { ExceptionScope } from '@/utils/types';

export interface PanelModel {
  siteName: string;
  /** "Opens again Mon 09:00". */
  opensAgain: string;
  wrapUpMinutes: number;
  wrapUpUsed: boolean;
  /** What the crisis flow is shown with at `now` (this site, the week's count from the worker). */
  crisis(now: number): CrisisInput;
  wrapUp(): Promise<Response>;
  startException(scope: ExceptionScope, minutes: number): Promise<Response>;
}

/** Where the crisis flow was, kept by the overlay and the dim bar across redraws (a new snapshot redraws the panel). */
export interface PanelMemory {
  choice?: CrisisChoice | null;
}

/** How often "until 20:30" is brought up to date while the flow is open. */
const TICK = 15_000;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>) {
  const node = doc.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** Fills `root` with the panel; `compact` is the one-line bar of a dimmed page. */
export function renderPanel(doc: Document, root: HTMLElement, model: PanelModel, compact: boolean, memory: PanelMemory = {}) {
  const status = el(doc, 'p', { className: 'status', role: 'status' } as Partial<HTMLParagraphElement>);
  // Only a person's click (or key press) acts: a page's script cannot start a wrap-up or an exception.
  const run = async (event: Event, button: HTMLButtonElement, action: () => Promise<Response>) => {
    if (!event.isTrusted) return;
    button.disabled = true;
    const result = await action();
    if (!result.ok) {
      status.textContent = result.error;
      button.disabled = false;
    } else memory.choice = null;
  };

  const wrapUp = el(doc, 'button', { type: 'button', textContent: t('wrapUp', model.wrapUpMinutes) });
  wrapUp.hidden = model.wrapUpUsed;
  wrapUp.addEventListener('click', (event) => void run(event, wrapUp, model.wrapUp));

  const input = () => model.crisis(Date.now());
  const opener = el(doc, 'button', { type: 'button', className: 'crisis', textContent: crisisView(t, input(), initialChoice(input())).opener });
  const flow = el(doc, 'div', { className: 'crisis-flow', role: 'group' } as Partial<HTMLDivElement>);
  flow.hidden = true;

  /** Draws the steps for the choice kept in `memory`; the texts that follow the choice are updated in place. */
  const open = (focus: boolean) => {
    let choice = memory.choice ?? initialChoice(input());
    memory.choice = choice;
    const first = crisisView(t, input(), choice);
    flow.setAttribute('aria-label', first.title);
    const question = el(doc, 'p', { className: 'question', id: 'crisis-question' });
    const limit = el(doc, 'p', { id: 'crisis-limit' });
    const yes = el(doc, 'button', { type: 'button', className: 'crisis primary' });
    const no = el(doc, 'button', { type: 'button', textContent: first.cancel });
    const update = () => {
      if (!flow.isConnected) clearInterval(timer);
      const view = crisisView(t, input(), choice);
      question.textContent = `${view.question} ${view.note}`;
      limit.textContent = view.limit?.text ?? '';
      limit.className = view.limit?.over ? 'limit limit-over' : 'limit';
      limit.hidden = !view.limit;
      yes.textContent = view.confirm;
      yes.setAttribute('aria-describedby', view.limit ? 'crisis-question crisis-limit' : 'crisis-question');
      return view;
    };
    const steps = first.choices.map((step: ChoiceView) => {
      const fieldset = el(doc, 'fieldset', { className: `choice choice-${step.step}` }, el(doc, 'legend', {}, step.legend));
      for (const option of step.options) {
        const radio = el(doc, 'input', { type: 'radio', name: `crisis-${step.step}`, value: option.value, checked: option.value === step.value });
        radio.addEventListener('change', (event) => {
          if (!event.isTrusted) return;
          choice = memory.choice = choose(t, input(), choice, step.step, option.value);
          update();
        });
        fieldset.append(el(doc, 'label', {}, radio, el(doc, 'span', {}, option.label)));
      }
      return fieldset;
    });
    yes.addEventListener(
      'click',
      (event) =>
        void run(event, yes, () => {
          const { request } = update();
          return model.startException(request.scope, request.minutes);
        }),
    );
    no.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      memory.choice = null;
      clearInterval(timer);
      flow.hidden = true;
      flow.replaceChildren();
      opener.hidden = false;
      opener.focus();
    });
    const timer = setInterval(update, TICK);
    flow.replaceChildren(...steps, question, limit, el(doc, 'div', { className: 'actions' }, yes, no));
    update();
    flow.hidden = false;
    opener.hidden = true;
    if (focus) flow.querySelector<HTMLElement>('input:checked, button')?.focus();
  };
  opener.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    status.textContent = '';
    open(true);
  });

  const heading = compact ? el(doc, 'strong', {}, t('barLine', model.siteName, model.opensAgain)) : el(doc, 'h1', {}, t('closedEvening', model.siteName));
  const body = compact ? [] : [el(doc, 'p', {}, t('pageKept', model.opensAgain))];
  root.replaceChildren(heading, ...body, el(doc, 'div', { className: 'actions' }, wrapUp, opener), flow, status);
  // Redrawn while the steps were open (a new snapshot): they stay open, with the same choice.
  if (memory.choice) open(false);
}
