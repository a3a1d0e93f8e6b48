/**
 * The AccessGraph mark: three accounts, one path lit between two of them.
 */
export function Logo() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <rect x="1.5" y="1.5" width="21" height="21" rx="6" fill="var(--ag-accent)" />
      <path
        d="M7 16.5 12 7.5l5 9"
        fill="none"
        stroke="#fff"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        opacity=".55"
      />
      <path d="M7 16.5h10" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="12" cy="7.5" r="2.3" fill="#fff" />
      <circle cx="7" cy="16.5" r="2.3" fill="#fff" />
      <circle cx="17" cy="16.5" r="2.3" fill="#fff" />
    </svg>
  );
}
