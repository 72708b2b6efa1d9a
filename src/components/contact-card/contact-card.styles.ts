import { css } from 'lit';

export const contactCardStyles = css`
  :host {
    --_gap: var(--es-contact-card-gap, var(--_space-4));
    --_open: var(--es-contact-card-open-color, var(--es-color-success, #1b6e2f));
    --_closed: var(--es-contact-card-closed-color, var(--_danger));
    --_emergency-background: var(--es-contact-card-emergency-background, var(--es-color-danger-surface, #fdecea));
  }
  .base > * + * { margin-block-start: var(--_gap); }
  .heading { font-size: 1.25em; font-weight: 700; margin: 0; }
  .escalation-wrap .heading, .emergency .heading { font-size: 1.0625em; margin-block-end: var(--_space-2); }
  .country { margin-block-end: 0; max-inline-size: 20rem; }
  .line > * { margin-block: 0; }
  .line > * + * { margin-block-start: var(--_space-2); }
  .phone { font-size: 1.5em; font-weight: 700; }
  .phone a { text-decoration: none; }
  .phone a:hover { text-decoration: underline; }
  .status { display: flex; align-items: center; gap: var(--_space-2); font-weight: 600; }
  .status.open { color: var(--_open); }
  .status.closed { color: var(--_closed); }
  .dot { inline-size: 0.625rem; block-size: 0.625rem; border-radius: 50%; background: currentColor; flex: none; }
  .meta { display: flex; flex-wrap: wrap; gap: var(--_space-1) var(--_space-4); color: var(--_muted); font-size: 0.9375em; }
  .hours { border-collapse: collapse; inline-size: 100%; font-size: 0.9375em; }
  .hours caption { text-align: start; font-weight: 600; padding-block-end: var(--_space-2); }
  /* break-word, not anywhere: "anywhere" lowers the cells' min-content width, and in a narrow sidebar the table
     then squeezes day names into "Wed/nes/day". Words stay whole; times break after their dash. */
  .hours th, .hours td { text-align: start; padding-block: var(--_space-1); padding-inline: 0 var(--_space-3); border-block-end: 1px solid var(--_border); overflow-wrap: break-word; }
  .hours tbody th { white-space: nowrap; }
  .hours :is(th, td):last-child { padding-inline-end: 0; }
  .hours thead th { color: var(--_muted); font-weight: 600; overflow-wrap: anywhere; /* long zone names never widen the table */ }
  .hours tbody th { font-weight: 400; }
  .hours tr.today th, .hours tr.today td { font-weight: 700; }
  .emergency { border: 1px solid var(--_danger); border-inline-start-width: 4px; border-radius: var(--_radius); padding: var(--_space-3) var(--_space-4); background: var(--_emergency-background); }
  .emergency ul { list-style: none; margin: 0; padding: 0; }
  .emergency li { display: flex; flex-wrap: wrap; gap: var(--_space-1) var(--_space-3); align-items: baseline; }
  .emergency li + li { margin-block-start: var(--_space-2); }
  .emergency a { font-weight: 700; }
  .escalation { margin: 0; padding-inline-start: var(--_space-5); }
  .escalation li + li { margin-block-start: var(--_space-3); }
  .escalation dl { margin: var(--_space-1) 0 0; }
  /* Term and value side by side when there is room, the value under its term in a narrow column. */
  .escalation dl > div { display: flex; flex-wrap: wrap; gap: 0 var(--_space-3); }
  .escalation dl > div + div { margin-block-start: var(--_space-1); }
  .escalation dt { color: var(--_muted); flex: 0 0 8rem; }
  .escalation dd { margin: 0; flex: 1 1 10rem; min-inline-size: 0; overflow-wrap: anywhere; }
  .documents { margin-block-end: 0; }
`;
