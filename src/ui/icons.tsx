/**
 * The UI's icons: small inline SVGs (bundled, no icon font from elsewhere), drawn on a 16-unit grid
 * with the current colour.
 */
import type { ReactNode } from 'react';

const PATHS = {
  undo: <path d="M6 4 3 7l3 3M3.5 7H10a3 3 0 0 1 0 6H7" />,
  redo: <path d="m10 4 3 3-3 3M12.5 7H6a3 3 0 0 0 0 6h3" />,
  sun: (
    <>
      <circle cx="8" cy="8" r="3" />
      <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
    </>
  ),
  moon: <path d="M13 9.5A5.5 5.5 0 0 1 6.5 3a5.5 5.5 0 1 0 6.5 6.5Z" />,
  book: (
    <path d="M2.5 3.5C4 2.8 6 2.8 8 4c2-1.2 4-1.2 5.5-.5v9c-1.5-.7-3.5-.7-5.5.5-2-1.2-4-1.2-5.5-.5v-9ZM8 4v9" />
  ),
  share: (
    <>
      <circle cx="4" cy="8" r="1.8" />
      <circle cx="12" cy="4" r="1.8" />
      <circle cx="12" cy="12" r="1.8" />
      <path d="m5.6 7.1 4.8-2.3M5.6 8.9l4.8 2.3" />
    </>
  ),
  file: <path d="M4 1.5h5l3 3v10H4v-13ZM9 1.5v3h3" />,
  download: <path d="M8 2v8m-3-3 3 3 3-3M3 13h10" />,
  upload: <path d="M8 11V3M5 6l3-3 3 3M3 13h10" />,
  image: (
    <>
      <rect x="2" y="3" width="12" height="10" rx="1.5" />
      <path d="m2.5 11 3.5-3.5 3 3 2-2 2.5 2.5" />
      <circle cx="10.5" cy="6" r="1" />
    </>
  ),
  search: (
    <>
      <circle cx="7" cy="7" r="4.5" />
      <path d="m10.5 10.5 3 3" />
    </>
  ),
  command: (
    <path d="M5 2.5a2 2 0 1 0 0 4h6a2 2 0 1 0 0-4 2 2 0 0 0-2 2v7a2 2 0 1 0 2-2H5a2 2 0 1 0 2 2v-7a2 2 0 0 0-2-2Z" />
  ),
  close: <path d="m4 4 8 8M12 4l-8 8" />,
  chevronRight: <path d="m6 4 4 4-4 4" />,
  chevronDown: <path d="m4 6 4 4 4-4" />,
  panelLeft: (
    <>
      <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
      <path d="M6 2.5v11" />
    </>
  ),
  panelRight: (
    <>
      <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
      <path d="M10 2.5v11" />
    </>
  ),
  panelBottom: (
    <>
      <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
      <path d="M2 9.5h12" />
    </>
  ),
  format: <path d="M2.5 4h11M2.5 8h7M2.5 12h9" />,
  check: <path d="m3 8.5 3 3 7-7" />,
  info: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 7.2V11M8 5v.2" />
    </>
  ),
  warning: <path d="M8 2 1.5 13.5h13L8 2ZM8 6.5V9.5M8 11.5v.2" />,
  play: <path d="M5 3.5v9l7-4.5-7-4.5Z" />,
  plus: <path d="M8 3v10M3 8h10" />,
  pointer: <path d="M4 2.5 12 8l-3.5.8 2 3.9-1.6.8-2-3.9L4 12V2.5Z" />,
  arrowRight: <path d="M3 8h10m-3.5-3.5L13 8l-3.5 3.5" />,
} as const satisfies Record<string, ReactNode>;

/** Icon names. */
export type IconName = keyof typeof PATHS;

/** One icon; decorative unless `label` is given. */
export function Icon({
  name,
  label,
  size = 16,
}: {
  readonly name: IconName;
  readonly label?: string;
  readonly size?: number;
}) {
  return (
    <svg
      className="ag-icon"
      viewBox="0 0 16 16"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label === undefined ? undefined : 'img'}
      aria-hidden={label === undefined ? true : undefined}
      aria-label={label}
    >
      {PATHS[name]}
    </svg>
  );
}
