/**
 * SVG export, rendered here from what Cytoscape shows (positions, sizes, computed styles, classes):
 * no extension needed (cytoscape-svg is GPL-3.0, which this MIT project does not take). Boxes,
 * edges with their patterns and arrows, leaves with their shapes, icons, badges, rings and labels.
 */
import type cytoscape from 'cytoscape';
import { iconBody } from './icons';
import { iconColour } from './styles';
import type { Tokens } from './tokens';
import { BOX_TITLE_FONT, BOX_TITLE_INSET_X, BOX_TITLE_INSET_Y, LABEL_FONT, LABEL_GAP, LABEL_MAX_WIDTH, TITLE_LINE, estimateTextWidth } from './metrics';
import { GRAPH_FONT } from './styles';
import type { LeafType } from './vocabulary';
import { LEAF_TYPES } from './vocabulary';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function n(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

function leafType(ele: cytoscape.NodeSingular): LeafType | undefined {
  const type = String(ele.data('type'));
  return (LEAF_TYPES as readonly string[]).includes(type) ? (type as LeafType) : undefined;
}

/** Cuts a label to the width Cytoscape shows, with an ellipsis. */
function fitLabel(label: string, max: number, font: number): string {
  if (estimateTextWidth(label, font) <= max) return label;
  let cut = label;
  while (cut.length > 1 && estimateTextWidth(`${cut}…`, font) > max) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function dash(style: string): string {
  if (style === 'dashed') return ' stroke-dasharray="6 4"';
  if (style === 'dotted') return ' stroke-dasharray="1.5 3"';
  return '';
}

function polygon(cx: number, cy: number, w: number, h: number, sides: number, rotate: number): string {
  const points: string[] = [];
  for (let i = 0; i < sides; i++) {
    const a = rotate + (i * 2 * Math.PI) / sides;
    points.push(`${n(cx + (Math.cos(a) * w) / 2)},${n(cy + (Math.sin(a) * h) / 2)}`);
  }
  return `<polygon points="${points.join(' ')}"`;
}

function shapeElement(shape: string, cx: number, cy: number, w: number, h: number): string {
  switch (shape) {
    case 'ellipse':
      return `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(w / 2)}" ry="${n(h / 2)}"`;
    case 'round-hexagon':
    case 'hexagon':
      return polygon(cx, cy, w, h, 6, 0);
    case 'round-octagon':
    case 'octagon':
      return polygon(cx, cy, w, h, 8, Math.PI / 8);
    case 'round-diamond':
    case 'diamond':
      return polygon(cx, cy, w, h, 4, -Math.PI / 2);
    default:
      return `<rect x="${n(cx - w / 2)}" y="${n(cy - h / 2)}" width="${n(w)}" height="${n(h)}" rx="${n(Math.min(w, h) / 4)}"`;
  }
}

function boxSvg(node: cytoscape.NodeSingular): string {
  const at = node.position();
  const w = node.outerWidth();
  const h = node.outerHeight();
  const x = at.x - w / 2;
  const y = at.y - h / 2;
  const opacity = node.effectiveOpacity();
  const fill = node.style('background-color') as string;
  const fillOpacity = Number(node.style('background-opacity'));
  const stroke = node.style('border-color') as string;
  const width = parseFloat(node.style('border-width') as string) || 1;
  const strokeOpacity = Number(node.style('border-opacity'));
  const radius = node.hasClass('t-organization') ? 14 : node.hasClass('t-ou') ? 12 : 10;
  const lines = String(node.data('label')).split('\n');
  const colour = node.style('color') as string;
  const textOpacity = Number(node.style('text-opacity'));
  // Inside the top-left corner, where the stylesheet draws it (`top-inside`/`left-inside` + insets).
  const grouped = node.isParent();
  const font = node.hasClass('t-organization') ? BOX_TITLE_FONT + 1 : BOX_TITLE_FONT;
  const titleX = grouped ? x + 2 : x + BOX_TITLE_INSET_X;
  const title = lines
    .map((line, i) => `<tspan x="${n(titleX)}" dy="${i === 0 ? 0 : TITLE_LINE}">${esc(line)}</tspan>`)
    .join('');
  const titleY = grouped ? y - 5 - (lines.length - 1) * TITLE_LINE : y + BOX_TITLE_INSET_Y + font;
  return (
    `<g opacity="${n(opacity)}"><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${radius}" fill="${fill}" fill-opacity="${n(fillOpacity)}" stroke="${stroke}" stroke-opacity="${n(strokeOpacity)}" stroke-width="${n(width)}"${dash(node.style('border-style') as string)}/>` +
    `<text x="${n(titleX)}" y="${n(titleY)}" font-size="${font}" font-weight="600" fill="${colour}" fill-opacity="${n(textOpacity)}">${title}</text></g>`
  );
}

function leafSvg(node: cytoscape.NodeSingular, t: Tokens): string {
  const at = node.position();
  const w = node.width();
  const h = node.height();
  const shape = node.style('shape') as string;
  const fill = node.style('background-color') as string;
  const stroke = node.style('border-color') as string;
  const width = parseFloat(node.style('border-width') as string) || 1;
  const parts: string[] = [];
  if (Number(node.style('underlay-opacity')) > 0) {
    const pad = parseFloat(node.style('underlay-padding') as string) || 0;
    parts.push(`<ellipse cx="${n(at.x)}" cy="${n(at.y)}" rx="${n(w / 2 + pad)}" ry="${n(h / 2 + pad)}" fill="${node.style('underlay-color') as string}" fill-opacity="${n(Number(node.style('underlay-opacity')))}"/>`);
  }
  if (node.hasClass('external')) parts.push(`${shapeElement(shape, at.x, at.y, w + 9, h + 9)} fill="none" stroke="${t.external}" stroke-width="2.5"/>`);
  parts.push(`${shapeElement(shape, at.x, at.y, w, h)} fill="${fill}" stroke="${stroke}" stroke-width="${n(width)}"${dash(node.style('border-style') as string)}/>`);
  const type = leafType(node);
  if (type !== undefined) {
    const size = w * 0.6;
    parts.push(
      `<g transform="translate(${n(at.x - size / 2)} ${n(at.y - size / 2)}) scale(${n(size / 24)})" fill="none" stroke="${iconColour(type, t)}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${iconBody(type)}</g>`,
    );
  }
  const badge = node.hasClass('finding-high') ? t.denied : node.hasClass('finding-medium') ? t.conditional : node.hasClass('finding-low') ? t.textFaint : undefined;
  if (badge !== undefined) parts.push(`<circle cx="${n(at.x + w / 2 - 1)}" cy="${n(at.y - h / 2 + 1)}" r="7.5" fill="${badge}"/><path d="M${n(at.x + w / 2 - 1)} ${n(at.y - h / 2 - 3)}v4.5" stroke="${t.panel}" stroke-width="2" stroke-linecap="round"/>`);
  const label = fitLabel(String(node.data('label')), LABEL_MAX_WIDTH, LABEL_FONT);
  const weight = node.style('font-weight') as string;
  parts.push(
    `<text x="${n(at.x)}" y="${n(at.y + h / 2 + LABEL_GAP + LABEL_FONT)}" text-anchor="middle" font-size="${LABEL_FONT}" font-weight="${esc(weight)}" fill="${node.style('color') as string}" paint-order="stroke" stroke="${t.accountFill}" stroke-width="3" stroke-opacity="0.8">${esc(label)}</text>`,
  );
  return `<g opacity="${n(node.effectiveOpacity())}">${parts.join('')}</g>`;
}

function arrowHead(shape: string, tip: cytoscape.Position, from: cytoscape.Position, colour: string, scale: number): string {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const size = 8 * scale;
  const rotate = (dx: number, dy: number): string => `${n(tip.x + dx * Math.cos(angle) - dy * Math.sin(angle))},${n(tip.y + dx * Math.sin(angle) + dy * Math.cos(angle))}`;
  if (shape === 'tee') return `<path d="M${rotate(0, -size * 0.7)} L${rotate(0, size * 0.7)}" stroke="${colour}" stroke-width="${n(2.5 * scale)}"/>`;
  if (shape === 'vee') return `<polygon points="${rotate(0, 0)} ${rotate(-size, -size * 0.55)} ${rotate(-size * 0.6, 0)} ${rotate(-size, size * 0.55)}" fill="${colour}"/>`;
  if (shape === 'none') return '';
  return `<polygon points="${rotate(0, 0)} ${rotate(-size, -size * 0.5)} ${rotate(-size, size * 0.5)}" fill="${colour}"/>`;
}

function edgeSvg(edge: cytoscape.EdgeSingular, t: Tokens): string {
  const s = edge.sourceEndpoint();
  const e = edge.targetEndpoint();
  const colour = edge.style('line-color') as string;
  const width = parseFloat(edge.style('width') as string) || 1;
  const controls = (edge.controlPoints() as cytoscape.Position[] | undefined) ?? [];
  const control = controls[0];
  const path = control === undefined ? `M${n(s.x)} ${n(s.y)} L${n(e.x)} ${n(e.y)}` : `M${n(s.x)} ${n(s.y)} Q${n(control.x)} ${n(control.y)} ${n(e.x)} ${n(e.y)}`;
  const parts: string[] = [];
  if (Number(edge.style('underlay-opacity')) > 0) parts.push(`<path d="${path}" fill="none" stroke="${edge.style('underlay-color') as string}" stroke-opacity="${n(Number(edge.style('underlay-opacity')))}" stroke-width="${n(width + 8)}" stroke-linecap="round"/>`);
  parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="${n(width)}"${dash(edge.style('line-style') as string)}/>`);
  parts.push(arrowHead(edge.style('target-arrow-shape') as string, e, control ?? s, edge.style('target-arrow-color') as string, Number(edge.style('arrow-scale')) || 1));
  const label = String(edge.data('label') ?? '');
  if (label !== '') {
    const mid = edge.midpoint();
    const w = estimateTextWidth(label, 10) + 6;
    parts.push(`<rect x="${n(mid.x - w / 2)}" y="${n(mid.y - 8)}" width="${n(w)}" height="15" rx="3" fill="${t.panel}" fill-opacity="0.92"/>`);
    parts.push(`<text x="${n(mid.x)}" y="${n(mid.y + 3.5)}" text-anchor="middle" font-size="10" font-weight="${esc(edge.style('font-weight') as string)}" fill="${edge.style('color') as string}">${esc(label)}</text>`);
  }
  return `<g opacity="${n(edge.effectiveOpacity())}">${parts.join('')}</g>`;
}

/** A box's nesting depth: `data.z` from `placeBoxes` (boxes are plain nodes, not compound parents). */
function depth(node: cytoscape.NodeSingular): number {
  return (node.data('z') as number | undefined) ?? node.ancestors().length;
}

/** The whole graph as an SVG document. */
export function renderSvg(cy: cytoscape.Core, t: Tokens): string {
  const visible = cy.elements().filter((ele) => ele.visible());
  const bb = visible.boundingBox({ includeLabels: true, includeOverlays: false });
  const margin = 24;
  const x = bb.x1 - margin;
  const y = bb.y1 - margin;
  const w = bb.w + margin * 2;
  const h = bb.h + margin * 2;
  const boxes: cytoscape.NodeSingular[] = [];
  const leaves: cytoscape.NodeSingular[] = [];
  const edges: cytoscape.EdgeSingular[] = [];
  visible.nodes().forEach((node) => {
    (node.hasClass('box') ? boxes : leaves).push(node);
  });
  visible.edges().forEach((edge) => {
    edges.push(edge);
  });
  boxes.sort((a, b) => depth(a) - depth(b));
  edges.sort((a, b) => Number(a.style('z-index')) - Number(b.style('z-index')));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(x)} ${n(y)} ${n(w)} ${n(h)}" width="${Math.ceil(w)}" height="${Math.ceil(h)}" font-family="${esc(GRAPH_FONT)}">`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${t.bg}"/>`,
    ...boxes.map((node) => boxSvg(node)),
    ...edges.map((edge) => edgeSvg(edge, t)),
    ...leaves.map((node) => leafSvg(node, t)),
    '</svg>',
  ].join('\n');
}
