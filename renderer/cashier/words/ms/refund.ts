import type { RefundWords } from '../refund';

export const ms: RefundWords = {
  paidAfterExpiry: 'Dibayar selepas permintaan tamat tempoh',
};
