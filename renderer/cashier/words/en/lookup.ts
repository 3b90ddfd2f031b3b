import type { LookupWords } from '../lookup';

export const en: LookupWords = {
  title: "Look up a customer's QR",
  help: "Paste a picture of the customer's Orangepill QR (Ctrl+V), or choose an image file.",
  reading: 'Reading the QR…',
  choose: 'Choose image…',
  close: 'Close',
  noPicture: 'The clipboard holds no picture: copy the QR image, then paste it here',
  notAPicture: 'That file is not a picture: choose a PNG or JPEG image of the QR code',
  tooLarge: 'That picture is too large to send: crop it to the QR code and try again',
  unreadable: 'That picture could not be opened: use a PNG or JPEG image of the QR code',
  status: 'Status',
  amount: 'Amount',
  notStated: 'Not stated',
  order: 'Order',
  none: 'None',
  code: 'Code',
  created: 'Created',
};
