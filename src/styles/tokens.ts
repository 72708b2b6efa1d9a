import { css } from 'lit';

/**
 * Design tokens. Hosts override any `--es-*` custom property on an ancestor (or on es-provider); es-provider
 * applies `lightTokens` or `darkTokens` on itself according to its `theme`, so every element inside inherits them.
 * Values meet WCAG AA contrast against their surfaces in both themes.
 */
export const lightTokens = css`
  --es-color-primary: #0a5bd3;
  --es-color-primary-hover: #084aad;
  --es-color-on-primary: #ffffff;
  --es-color-text: #1a1d21;
  --es-color-muted: #545b66;
  --es-color-surface: #ffffff;
  --es-color-surface-alt: #f4f6f9;
  --es-color-border: #c9ced6;
  --es-color-danger: #b3261e;
  --es-color-danger-surface: #fdecea;
  --es-color-success: #1b6e2f;
  --es-color-success-surface: #e7f5ea;
  --es-color-warning: #8a5300;
  --es-color-warning-surface: #fff4e0;
  --es-color-info-surface: #e8f0fd;
  --es-color-highlight: #fff1a8;
  --es-focus-ring: 0 0 0 3px rgba(10, 91, 211, 0.45);
  color-scheme: light;
`;

export const darkTokens = css`
  --es-color-primary: #7fb0ff;
  --es-color-primary-hover: #a6c8ff;
  --es-color-on-primary: #0b1320;
  --es-color-text: #e6e9ee;
  --es-color-muted: #a9b1bd;
  --es-color-surface: #16191e;
  --es-color-surface-alt: #1f242b;
  --es-color-border: #3a424d;
  --es-color-danger: #ff8a80;
  --es-color-danger-surface: #3b1714;
  --es-color-success: #7ed491;
  --es-color-success-surface: #13301a;
  --es-color-warning: #ffc46b;
  --es-color-warning-surface: #3a2a0c;
  --es-color-info-surface: #162a4a;
  --es-color-highlight: #5c4d00;
  --es-focus-ring: 0 0 0 3px rgba(127, 176, 255, 0.6);
  color-scheme: dark;
`;
