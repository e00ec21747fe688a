/**
 * The design tokens TypeScript needs at run time or in page configs: navigation bars, the tab bar, modal buttons,
 * canvas drawing and generated SVG. Each value mirrors the SCSS variable named in its comment in `_theme.scss`,
 * and `tokens.spec.ts` fails when the two drift apart.
 */
export const colors = {
  /** $color-primary */
  primary: '#e85d2f',
  /** $color-danger */
  danger: '#e4393c',
  /** $color-price */
  price: '#e4393c',
  /** $color-bg */
  bg: '#f7f3ef',
  /** $color-card */
  card: '#ffffff',
  /** $color-surface-warm */
  surfaceWarm: '#fff8f3',
  /** $color-text */
  text: '#2b2521',
  /** $color-text-secondary */
  textSecondary: '#6f6760',
  /** $color-text-muted */
  textMuted: '#a39b94',
  /** $color-text-inverse */
  textInverse: '#ffffff',
  /** $color-tab-bar-text */
  tabBarText: '#8a847e',
  /** $color-premium */
  premium: '#3b302a',
  /** $color-staff */
  staff: '#24323f',
  /** $color-code-ink */
  codeInk: '#000000',
  /** $color-code-paper */
  codePaper: '#ffffff',
} as const;

export type ColorToken = keyof typeof colors;
