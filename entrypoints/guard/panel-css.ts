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
  .confirm { margin-top: .75rem; padding: .75rem; border: 1px solid #b45309; border-radius: .5rem; }
  .status:empty { display: none; }
`;
