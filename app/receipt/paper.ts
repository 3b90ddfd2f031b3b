/** The two roll widths the terminal supports, in Font A columns (12 dots a character) and printable dots. */
export interface PaperProfile {
  readonly id: PaperWidth;
  readonly columns: number;
  readonly dots: number;
}

export const PAPER_WIDTHS = ['58mm', '80mm'] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

export const PAPER: { readonly [K in PaperWidth]: PaperProfile } = {
  '58mm': { id: '58mm', columns: 32, dots: 384 },
  '80mm': { id: '80mm', columns: 48, dots: 576 },
};

/** Font A cell size in dots; columns × cell width is the paper's dot width on both rolls. */
export const CELL_WIDTH = 12;
export const CELL_HEIGHT = 24;
