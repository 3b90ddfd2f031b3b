import type { RecordsSaid } from '../../../app/i18n/said/records';
import type { OrangepillRequest } from '../../../app/providers/orangepill/orangepill-api';
import { errorText } from '../../../app/providers/orangepill/orangepill-status';
import { orangepillStatusWords } from '../../../app/providers/orangepill/orangepill-status-words';

/** An Orangepill request's status in plain words for the cashier, with Orangepill's reason for a failure. */
export function requestStatusLabel(request: OrangepillRequest): string {
  return orangepillStatusWords(request.status, errorText(request.error));
}

/** The same, as what it says, for the cashier's language (`requestStatusLabel` is its English). */
export function requestStatusSaid(request: OrangepillRequest): Extract<RecordsSaid, { readonly kind: 'lookup_status' }> {
  return { area: 'records', kind: 'lookup_status', status: request.status.slice(0, 40), reason: errorText(request.error) };
}
