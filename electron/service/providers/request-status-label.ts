import type { OrangepillRequest } from '../../../app/providers/orangepill/orangepill-api';
import { errorText } from '../../../app/providers/orangepill/orangepill-status';
import { orangepillStatusWords } from '../../../app/providers/orangepill/orangepill-status-words';

/** An Orangepill request's status in plain words for the cashier, with Orangepill's reason for a failure. */
export function requestStatusLabel(request: OrangepillRequest): string {
  return orangepillStatusWords(request.status, errorText(request.error));
}
