/**
 * Design tokens: the one set of colours, shared by the CSS of the panels (as custom properties)
 * and by the Cytoscape stylesheet, for both themes. Each colour means one thing (UI.md).
 */

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Every token a theme defines. */
export interface Tokens {
  readonly bg: string;
  readonly panel: string;
  readonly panelRaised: string;
  readonly border: string;
  readonly borderStrong: string;
  readonly text: string;
  readonly textMuted: string;
  readonly textFaint: string;
  readonly accent: string;
  readonly accentSoft: string;
  readonly allowed: string;
  readonly allowedSoft: string;
  readonly conditional: string;
  readonly conditionalSoft: string;
  readonly denied: string;
  readonly deniedSoft: string;
  readonly external: string;
  readonly externalSoft: string;
  readonly share: string;
  readonly shareSoft: string;
  readonly orgFill: string;
  readonly ouFill: string;
  readonly accountFill: string;
  readonly accountBorder: string;
  readonly nodeFill: string;
  readonly nodeBorder: string;
  readonly principal: string;
  readonly resource: string;
  readonly service: string;
  readonly edge: string;
  readonly focusRing: string;
  readonly shadow: string;
}

export const TOKENS: Readonly<Record<Theme, Tokens>> = {
  light: {
    bg: '#f6f7f9',
    panel: '#ffffff',
    panelRaised: '#f9fafb',
    border: '#e3e6ea',
    borderStrong: '#c9ced6',
    text: '#1b1f24',
    textMuted: '#5b6470',
    textFaint: '#8a929c',
    accent: '#2563eb',
    accentSoft: '#dbe7ff',
    allowed: '#15803d',
    allowedSoft: '#dcf3e3',
    conditional: '#b45309',
    conditionalSoft: '#fdf0dc',
    denied: '#c62828',
    deniedSoft: '#fde3e3',
    external: '#7c3aed',
    externalSoft: '#efe7fe',
    share: '#0f766e',
    shareSoft: '#d9f2ef',
    orgFill: '#f1f3f6',
    ouFill: '#eceff3',
    accountFill: '#ffffff',
    accountBorder: '#c4cad3',
    nodeFill: '#ffffff',
    nodeBorder: '#98a2b0',
    principal: '#334155',
    resource: '#475569',
    service: '#64748b',
    edge: '#8b95a3',
    focusRing: '#2563eb',
    shadow: '0 1px 2px rgba(16,24,40,.06), 0 1px 3px rgba(16,24,40,.10)',
  },
  dark: {
    bg: '#0f1216',
    panel: '#161a20',
    panelRaised: '#1c2128',
    border: '#2a3039',
    borderStrong: '#3a424e',
    text: '#e6e9ee',
    textMuted: '#a3acb8',
    textFaint: '#6f7986',
    accent: '#5b9cff',
    accentSoft: '#1d2c47',
    allowed: '#4ade80',
    allowedSoft: '#143322',
    conditional: '#fbbf24',
    conditionalSoft: '#3a2c0d',
    denied: '#f87171',
    deniedSoft: '#3d1818',
    external: '#b794ff',
    externalSoft: '#2b2044',
    share: '#2dd4bf',
    shareSoft: '#0f3330',
    orgFill: '#13171c',
    ouFill: '#181d24',
    accountFill: '#1b2027',
    accountBorder: '#3a424e',
    nodeFill: '#222831',
    nodeBorder: '#5d6775',
    principal: '#cbd5e1',
    resource: '#b6c0cc',
    service: '#94a3b8',
    edge: '#6b7684',
    focusRing: '#5b9cff',
    shadow: '0 1px 2px rgba(0,0,0,.4), 0 1px 3px rgba(0,0,0,.5)',
  },
};

/** The tokens as CSS custom properties (`--ag-bg: …;`), for a `:root[data-theme=…]` rule. */
export function cssVariables(theme: Theme): string {
  return Object.entries(TOKENS[theme])
    .map(([name, value]) => `--ag-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value};`)
    .join('\n');
}
