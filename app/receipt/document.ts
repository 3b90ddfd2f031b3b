/** A receipt as data: what to print, never how. Layouts build it; the encoder and the preview read it. */
export type Align = 'left' | 'center' | 'right';

/** ESC/POS character sizes: double width halves the columns of a line, double height doubles its height. */
export type TextSize = 'normal' | 'double-height' | 'double-width' | 'double';

export interface TextBlock {
  readonly kind: 'text';
  readonly text: string;
  readonly align: Align;
  readonly bold: boolean;
  readonly size: TextSize;
}

/** "Amount ........ SGD 12.34": the label on the left, the value on the right, never cut. */
export interface RowBlock {
  readonly kind: 'row';
  readonly label: string;
  readonly value: string;
  readonly bold: boolean;
}

export interface RuleBlock {
  readonly kind: 'rule';
  readonly char: '-' | '=';
}

export interface QrBlock {
  readonly kind: 'qr';
  readonly payload: string;
}

export interface FeedBlock {
  readonly kind: 'feed';
  readonly lines: number;
}

export interface CutBlock {
  readonly kind: 'cut';
}

export type Block = TextBlock | RowBlock | RuleBlock | QrBlock | FeedBlock | CutBlock;

export interface ReceiptDocument {
  readonly blocks: readonly Block[];
}

export interface TextOptions {
  readonly align?: Align;
  readonly bold?: boolean;
  readonly size?: TextSize;
}

export const text = (value: string, options: TextOptions = {}): TextBlock => ({
  kind: 'text',
  text: value,
  align: options.align ?? 'left',
  bold: options.bold ?? false,
  size: options.size ?? 'normal',
});

export const row = (label: string, value: string, bold = false): RowBlock => ({ kind: 'row', label, value, bold });
export const rule = (char: '-' | '=' = '-'): RuleBlock => ({ kind: 'rule', char });
export const qr = (payload: string): QrBlock => ({ kind: 'qr', payload });
export const feed = (lines = 1): FeedBlock => ({ kind: 'feed', lines });
export const cut = (): CutBlock => ({ kind: 'cut' });
export const receiptDocument = (blocks: readonly Block[]): ReceiptDocument => ({ blocks });
