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
/** Box title font size and the height its one line takes above the box border. */
export const BOX_TITLE_FONT = 12;
export const BOX_TITLE_HEIGHT = 24;
/** Space between sibling boxes. */
export const BOX_GAP = 28;
/** Size of a box drawn without children (empty or collapsed). */
export const EMPTY_BOX_WIDTH = 132;
export const EMPTY_BOX_HEIGHT = 44;
/** Zoom below which leaf labels hide (Cytoscape `min-zoomed-font-size` = font × zoom). */
export const LABEL_MIN_ZOOM = 0.55;

/**
 * Estimated rendered width of a label in the system UI font: a per-character estimate that errs
 * wide, so planned boxes are never smaller than drawn ones.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const char of text) {
    if (/[il.,:;'|!]/.test(char)) units += 0.3;
    else if (/[A-Z]/.test(char) || /[mwMW@]/.test(char)) units += 0.72;
    else if (/[0-9]/.test(char)) units += 0.58;
    else if (char.charCodeAt(0) > 0x2e7f) units += 1.0;
    else units += 0.56;
  }
  return Math.ceil(units * fontSize);
}

/** Width a leaf's label takes (capped: longer labels end in an ellipsis). */
export function leafLabelWidth(label: string): number {
  return Math.min(LABEL_MAX_WIDTH, estimateTextWidth(label, LABEL_FONT));
}
