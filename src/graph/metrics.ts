/**
 * Geometry shared by the stylesheet and the domain layout, so that the boxes the layout plans are
 * the boxes Cytoscape draws. All values in model pixels (zoom 1).
 */

/** Node diameter of a leaf (principal, resource, share). */
export const LEAF_SIZE = 36;
/** Graph label font size at 100% zoom (UI.md: 11 on graph labels). */
export const LABEL_FONT = 11;
/** Widest leaf label before it is cut with an ellipsis. */
export const LABEL_MAX_WIDTH = 112;
/** Gap between a leaf and its label. */
export const LABEL_GAP = 5;
/** Height of a one-line leaf label. */
export const LABEL_HEIGHT = 14;
/** Grid cell of one leaf inside a box. */
export const CELL_WIDTH = 124;
export const CELL_HEIGHT = 78;
/** Padding inside every box (Cytoscape `padding`, uniform). */
export const BOX_PADDING = 16;
/** Box title font size, and the height of the title row inside the box's top edge. */
export const BOX_TITLE_FONT = 12;
export const BOX_TITLE_HEIGHT = 22;
/** Each further line of a box title (a collapsed box's count) adds this much. */
export const TITLE_LINE = 15;
/** Where the title's text starts, from the box's top-left corner. */
export const BOX_TITLE_INSET_X = 12;
export const BOX_TITLE_INSET_Y = 9;
/** Space between sibling boxes. */
export const BOX_GAP = 28;
/** A box drawn without children (empty or collapsed): its least width, and its height under the title. */
export const EMPTY_BOX_WIDTH = 160;
export const EMPTY_BOX_HEIGHT = 30;
/** Zoom below which leaf labels hide (Cytoscape `min-zoomed-font-size` = font × zoom). */
export const LABEL_MIN_ZOOM = 0.55;

/**
 * Estimated rendered width of a label in the system UI font: a per-character estimate that errs
 * wide, so planned boxes are never smaller than drawn ones.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) units += charUnits(text.charCodeAt(i));
  return Math.ceil(units * fontSize);
}

const NARROW = new Set([...'il.,:;\'|!'].map((c) => c.charCodeAt(0)));
const WIDE = new Set([...'mwMW@'].map((c) => c.charCodeAt(0)));

function charUnits(code: number): number {
  if (NARROW.has(code)) return 0.3;
  if (WIDE.has(code) || (code >= 65 && code <= 90)) return 0.72;
  if (code >= 48 && code <= 57) return 0.58;
  if (code > 0x2e7f) return 1.0;
  return 0.56;
}

/** Box titles are semibold (600): about 12% wider than `estimateTextWidth`, measured in Chromium. */
const TITLE_WEIGHT_FACTOR = 1.15;

/**
 * Least inner width of a box for its title. The box is `BOX_PADDING` wider on each side and the
 * title starts `BOX_TITLE_INSET_X` (less than the padding) in from the left border, so it keeps at
 * least as much room on the right.
 */
export function boxTitleWidth(title: string, fontSize: number = BOX_TITLE_FONT): number {
  return Math.ceil(estimateTextWidth(title, fontSize) * TITLE_WEIGHT_FACTOR);
}

/** Width a leaf's label takes (capped: longer labels end in an ellipsis). */
export function leafLabelWidth(label: string): number {
  let width = labelWidths.get(label);
  if (width === undefined) {
    width = Math.min(LABEL_MAX_WIDTH, estimateTextWidth(label, LABEL_FONT));
    if (labelWidths.size > 50_000) labelWidths.clear();
    labelWidths.set(label, width);
  }
  return width;
}

const labelWidths = new Map<string, number>();
