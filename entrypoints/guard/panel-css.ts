/** Styles shared by the overlay and the dim bar (inside their shadow roots). */
export const PANEL_CSS = `
  :host { all: initial; }
  * { box-sizing: border-box; font: 15px/1.5 system-ui, sans-serif; }
  h1 { font-size: 1.5rem; font-weight: 600; margin: 0 0 .5rem; }
  p { margin: .25rem 0 .75rem; }
  .actions { display: flex; flex-wrap: wrap; gap: .5rem; }
  button { cursor: pointer; border-radius: .5rem; border: 1px solid #6b7280; background: #fff; color: #111827; padding: .4rem .8rem; }
  button.crisis { border-color: #b45309; color: #7c2d12; }
  button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
  button[disabled] { opacity: .6; cursor: default; }
  .crisis-flow { margin-top: .75rem; padding: .75rem; border: 1px solid #b45309; border-radius: .5rem; }
  .choice { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; border: 0; padding: 0; margin: 0 0 .6rem; }
  .choice legend { float: left; width: 100%; margin: 0 0 .2rem; padding: 0; }
  .choice label { position: relative; }
  .choice input { position: absolute; inset: 0; opacity: 0; margin: 0; cursor: pointer; }
  .choice span { display: inline-block; padding: .1rem .65rem; border: 1px solid #6b7280; border-radius: 999px; }
  .choice input:checked + span { background: #7c2d12; border-color: #7c2d12; color: #fff; font-weight: 600; }
  .choice input:checked + span::before { content: '✓ '; }
  .choice input:focus-visible + span { outline: 3px solid #2563eb; outline-offset: 2px; }
  .limit-over { border-left: 4px solid #b45309; padding-left: .6rem; font-weight: 600; }
  button.primary { font-weight: 600; }
  [hidden] { display: none !important; }
  .status:empty { display: none; }
`;
