/**
 * One line icon per node type, drawn here as SVG (24×24 grid, round strokes) and bundled as data
 * URIs: nothing is fetched from anywhere. The colour is baked in per theme by the stylesheet.
 */
import type { FindingSeverity } from '../analysis/types';
import type { LeafType } from './vocabulary';

/** The points of a cog outline around (12,12): `teeth` teeth between radii `inner` and `outer`. */
function cogPath(teeth: number, inner: number, outer: number): string {
  const points: string[] = [];
  const step = (Math.PI * 2) / teeth;
  for (let i = 0; i < teeth; i++) {
    const a = i * step;
    const corners: [number, number][] = [
      [a - step * 0.22, outer],
      [a + step * 0.22, outer],
      [a + step * 0.3, inner],
      [a + step * 0.7, inner],
    ];
    for (const [angle, radius] of corners) points.push(`${(12 + Math.cos(angle) * radius).toFixed(2)} ${(12 + Math.sin(angle) * radius).toFixed(2)}`);
  }
  return `M${points.join('L')}Z`;
}

/** SVG body (inside a 24×24 viewBox) of each leaf type's icon. */
const BODIES: Readonly<Record<LeafType, string>> = {
  user: '<circle cx="12" cy="8" r="3.6"/><path d="M4.8 20c.4-3.9 3.4-6.6 7.2-6.6s6.8 2.7 7.2 6.6"/>',
  group:
    '<circle cx="9" cy="8.6" r="3.1"/><path d="M3 19.5c.3-3.3 2.8-5.6 6-5.6s5.7 2.3 6 5.6"/><path d="M14.6 5.6a2.9 2.9 0 1 1 1.6 5.4"/><path d="M17 14c2.3.5 3.8 2.5 4 5.2"/>',
  role: '<path d="M3.2 16.4c2.1 1.5 5 2.2 8.8 2.2s6.7-.7 8.8-2.2"/><path d="M7.6 16.9L7 6.6c0-.7.5-1.2 1.2-1.2h7.6c.7 0 1.2.5 1.2 1.2l-.6 10.3"/><path d="M7.4 13.2c1.4.5 2.9.7 4.6.7s3.2-.2 4.6-.7"/>',
  session: '<circle cx="12" cy="12" r="8.2"/><path d="M12 7.5V12l3.2 2"/>',
  service: `<path d="${cogPath(8, 6.4, 8.8)}"/><circle cx="12" cy="12" r="2.8"/>`,
  idp: '<rect x="3" y="5" width="18" height="14" rx="2.2"/><circle cx="8.6" cy="11" r="2.1"/><path d="M5.6 16.2c.5-1.6 1.6-2.4 3-2.4s2.5.8 3 2.4"/><path d="M14 10h4.4M14 13.4h3"/>',
  anonymous: '<circle cx="12" cy="12" r="8.4"/><path d="M3.6 12h16.8"/><path d="M12 3.6c2.4 2.3 3.6 5.1 3.6 8.4s-1.2 6.1-3.6 8.4c-2.4-2.3-3.6-5.1-3.6-8.4s1.2-6.1 3.6-8.4z"/>',
  bucket: '<ellipse cx="12" cy="6.2" rx="8" ry="2.4"/><path d="M4 6.2l1.9 12.3c.2 1.1 2.9 1.9 6.1 1.9s5.9-.8 6.1-1.9L20 6.2"/>',
  'kms-key': '<circle cx="7.6" cy="16.4" r="3.6"/><path d="M10.2 13.8L19.5 4.5"/><path d="M16.3 7.7l2.6 2.6"/><path d="M13.8 10.2l2 2"/>',
  queue: '<rect x="2.8" y="7.5" width="15" height="9" rx="1.4"/><path d="M7.8 7.5v9M12.8 7.5v9"/><path d="M18 12h3.6M19.8 10.2l1.8 1.8-1.8 1.8"/>',
  topic: '<circle cx="12" cy="12" r="1.9"/><path d="M8.7 8.7a4.7 4.7 0 0 0 0 6.6M15.3 8.7a4.7 4.7 0 0 1 0 6.6"/><path d="M5.8 5.8a8.8 8.8 0 0 0 0 12.4M18.2 5.8a8.8 8.8 0 0 1 0 12.4"/>',
  function: '<path d="M6.5 4h3l8 16h2.2"/><path d="M12.3 10.2L6.7 20"/>',
  secret: '<rect x="4.8" y="10.6" width="14.4" height="9.6" rx="2"/><path d="M8.2 10.6V7.8a3.8 3.8 0 0 1 7.6 0v2.8"/><path d="M12 14.2v2.4"/>',
  repository: '<path d="M12 3.2l7.8 4.4v8.8L12 20.8l-7.8-4.4V7.6z"/><path d="M4.2 7.6l7.8 4.4 7.8-4.4"/><path d="M12 12v8.8"/>',
  subnet: '<rect x="3.4" y="3.4" width="17.2" height="17.2" rx="2.4" stroke-dasharray="2.6 2.2"/><rect x="8" y="8" width="8" height="8" rx="1.4"/>',
  'transit-gateway': '<circle cx="12" cy="12" r="2.6"/><circle cx="5" cy="5" r="1.9"/><circle cx="19" cy="5" r="1.9"/><circle cx="5" cy="19" r="1.9"/><circle cx="19" cy="19" r="1.9"/><path d="M6.4 6.4l3.7 3.7M17.6 6.4l-3.7 3.7M6.4 17.6l3.7-3.7M17.6 17.6l-3.7-3.7"/>',
  table: '<rect x="3.5" y="4.5" width="17" height="15" rx="1.8"/><path d="M3.5 9.5h17M3.5 14.5h17M10 9.5v10"/>',
  resource: '<path d="M6 3.5h8.2L18.5 8v12.5H6z"/><path d="M14 3.5V8h4.5"/><path d="M9 12.5h6.5M9 16h6.5"/>',
  share: '<circle cx="17.5" cy="5.8" r="2.5"/><circle cx="6.5" cy="12" r="2.5"/><circle cx="17.5" cy="18.2" r="2.5"/><path d="M8.7 10.8l6.6-3.8M8.7 13.2l6.6 3.8"/>',
};

function dataUri(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** The icon of a leaf type in one colour, as a data URI. */
export function iconUri(type: LeafType, colour: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="${colour}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${BODIES[type]}</svg>`;
  return dataUri(svg);
}

/** The bare SVG markup of an icon (for the legend and the SVG export). */
export function iconSvg(type: LeafType, colour: string, size: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="${colour}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${BODIES[type]}</svg>`;
}

/** The body markup of an icon, to embed in a larger SVG. */
export function iconBody(type: LeafType): string {
  return BODIES[type];
}

/** A finding badge: a filled circle with an exclamation mark (high) or a dot (medium, low). */
export function badgeUri(severity: Exclude<FindingSeverity, 'info'>, fill: string, ink: string): string {
  const mark =
    severity === 'high'
      ? `<path d="M12 6.8v6" stroke="${ink}" stroke-width="2.6" stroke-linecap="round"/><circle cx="12" cy="17" r="1.5" fill="${ink}"/>`
      : `<path d="M12 7.5v5.2" stroke="${ink}" stroke-width="2.4" stroke-linecap="round"/><circle cx="12" cy="16.4" r="1.35" fill="${ink}"/>`;
  const shape = severity === 'low' ? `<rect x="3" y="3" width="18" height="18" rx="5" fill="${fill}"/>` : `<circle cx="12" cy="12" r="10" fill="${fill}"/>`;
  return dataUri(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">${shape}${mark}</svg>`);
}
