import type { PrintReport } from '../../../app/ipc/devices';
import { isFinal, type Payment } from '../../../app/payment/payment';
import { useActions } from '../actions-context';
import { useCashierStore } from '../cashier-store';
import './print-panel.css';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import { printLabelTold, printMessageTold } from './device-told';

function PrintOutcome({ report }: { readonly report: PrintReport }) {
  const actions = useActions();
  const printing = useCashierStore((s) => s.pending === 'print');
  const w = useWords().devices;
  const say = useSay();
  return (
    <div className={`print-panel__outcome print-panel__outcome--${report.outcome}`} role="status" data-testid="print-outcome" data-outcome={report.outcome}>
      <p className="print-panel__message">
        {/* A failure's sentence already names the slip. */}
        {report.outcome === 'failed' ? (
          say(printMessageTold(report))
        ) : (
          <>
            <strong>{say(printLabelTold(report))}:</strong> {say(printMessageTold(report))}
          </>
        )}
      </p>
      {report.outcome === 'failed' && report.slip !== null && report.paymentId !== null && (
        <button
          type="button"
          className="button button--secondary"
          data-testid="reprint"
          disabled={printing}
          onClick={() => void actions.printSlip(report.slip ?? 'receipt', report.paymentId ?? undefined)}
        >
          {w.print.reprint}
        </button>
      )}
    </div>
  );
}

/** The receipt as it printed: the virtual printer's picture in demo mode, else the text the printer was sent. */
function ReceiptPreview({ report }: { readonly report: PrintReport }) {
  const w = useWords().devices;
  return (
    <details className="print-panel__preview" open={report.image !== null}>
      <summary>{w.receiptPreview}</summary>
      {report.image !== null ? (
        <img className="print-panel__image" src={report.image} alt={report.preview.join('\n')} data-testid="receipt-image" />
      ) : (
        <pre className="print-panel__text" data-testid="receipt-text">
          {report.preview.join('\n')}
        </pre>
      )}
    </details>
  );
}

/**
 * The printer's part of a sale: print the QR slip while it can be paid, the receipt once it ended,
 * and how the last slip went, with a reprint when it did not print.
 */
export function PrintPanel({ payment }: { readonly payment: Payment }) {
  const actions = useActions();
  const printing = useCashierStore((s) => s.pending === 'print');
  const printer = useCashierStore((s) => s.devices?.printer.health ?? 'off');
  const report = useCashierStore((s) => (s.lastPrint !== null && s.lastPrint.paymentId === payment.id ? s.lastPrint : null));
  const w = useWords().devices;
  if (printer === 'off') return null;
  const { status } = payment.state;
  const canPrintQr = (status === 'awaiting' || status === 'partially_paid') && payment.qr?.payload != null;
  // Every ending has its receipt, a sale cancelled with money to return included.
  const ended = isFinal(payment.state);
  return (
    <div className="print-panel" data-testid="print-panel">
      {canPrintQr && (
        <button type="button" className="button button--secondary" data-testid="print-qr-slip" disabled={printing} onClick={() => void actions.printSlip('qr_slip')}>
          {w.print.qrSlip}
        </button>
      )}
      {ended && (
        <button type="button" className="button button--secondary" data-testid="print-receipt" disabled={printing} onClick={() => void actions.printSlip('receipt')}>
          {status === 'refunded' ? w.print.refundSlip : w.print.receipt}
        </button>
      )}
      {ended && payment.refundedMinor > 0 && status !== 'refunded' && (
        <button type="button" className="button button--secondary" data-testid="print-refund-slip" disabled={printing} onClick={() => void actions.printSlip('refund_slip')}>
          {w.print.refundSlip}
        </button>
      )}
      {report !== null && <PrintOutcome report={report} />}
      {report !== null && report.outcome !== 'printing' && <ReceiptPreview report={report} />}
    </div>
  );
}
