import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';

/**
 * The pinned action column of every step (keying, waiting, the result): its tools, which may scroll,
 * then the dock at its foot with the step's refusal and its main action (Charge, Cancel, New sale),
 * always in view and always in the same place. `after` sits below the dock (a question that opens there).
 */
export function ActionColumn({ tools, children, after, className }: { readonly tools: ReactNode; readonly children: ReactNode; readonly after?: ReactNode; readonly className?: string }) {
  return (
    <div className={className === undefined ? 'action-column' : `action-column ${className}`}>
      {tools}
      <div className="action-dock">
        <ErrorAlert />
        {children}
      </div>
      {after}
    </div>
  );
}
