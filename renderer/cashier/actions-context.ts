import { createContext, useContext } from 'react';
import type { CashierActions } from './cashier-actions';

export const ActionsContext = createContext<CashierActions | null>(null);

export function useActions(): CashierActions {
  const actions = useContext(ActionsContext);
  if (actions === null) throw new Error('useActions needs an ActionsContext provider');
  return actions;
}
