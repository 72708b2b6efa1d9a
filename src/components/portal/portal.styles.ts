import { css } from 'lit';

export const portalStyles = css`
  :host {
    --_gap: var(--es-portal-gap, var(--_space-4));
    --_max-width: var(--es-portal-max-width, 72rem);
    --_header-background: var(--es-portal-header-background, var(--_surface));
    --_nav-background: var(--es-portal-nav-background, var(--_surface-alt));
    --_nav-active: var(--es-portal-nav-active, var(--_primary));
  }
  .base { max-inline-size: var(--_max-width); margin-inline: auto; }
  .header {
    display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: var(--_gap);
    padding: var(--_space-4); background: var(--_header-background);
    border-block-end: 1px solid var(--_border);
  }
  .title { font-size: 1.375em; font-weight: 700; margin: 0; }
  .login { flex: 0 1 28rem; min-inline-size: min(100%, 16rem); }
  /* Sign-in help needs room to be read: give it the header's full width. */
  .login:is([view='failed'], [view='expired'], [view='unreachable'], [view='api-unreachable'], [view='api-error'],
    [view='no-access'], [view='mismatch']) { flex-basis: 100%; }
  .nav { background: var(--_nav-background); border-block-end: 1px solid var(--_border); }
  .nav ul { display: flex; flex-wrap: wrap; gap: var(--_space-1); margin: 0; padding: var(--_space-2) var(--_space-4); list-style: none; }
  .nav a {
    display: inline-block; padding: var(--_space-2) var(--_space-3); border-radius: var(--_radius);
    color: var(--_text); text-decoration: none; font-weight: 600;
    border-block-end: 3px solid transparent;
  }
  .nav a:hover { background: var(--_surface); }
  .nav a[aria-current='page'] { color: var(--_nav-active); border-block-end-color: var(--_nav-active); }
  .view { padding: var(--_space-5) var(--_space-4); }
  .view-heading { font-size: 1.25em; margin-block: 0 var(--_space-4); }
  /* Focus moved here on navigation is announced; the heading is not a control and needs no focus ring. */
  .view-heading:focus, .view-heading:focus-visible { outline: none; box-shadow: none; }
  .prompt { text-align: start; }
  .prompt > * + * { margin-block-start: var(--_space-3); }
  .prompt .links { display: flex; flex-wrap: wrap; gap: var(--_space-2) var(--_space-4); }
  /* The view heading already names these views; their own top heading would repeat it (still their accessible
     name through aria-labelledby, which works for hidden elements). portal.ts gives them heading-level 2, so
     their sub-headings follow the view's h2 at level 3. */
  es-contact-card::part(heading), es-documents::part(heading) { display: none; }
`;
