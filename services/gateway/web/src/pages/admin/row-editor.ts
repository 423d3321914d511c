// An administration table row that opens a form of its own (edit, deactivate, new password…).
import { useState } from 'react';
import { gql } from '../../api/client';
import { useAction } from '../../components/use-action';

/**
 * Which of a row's forms is open ('view': none), and `run`: a mutation that, once it succeeds,
 * closes the form and has the list reload. `toggle` opens a form, or closes it when open.
 */
export function useRowEditor<M extends string>(onChanged: () => void) {
  const [mode, setMode] = useState<M | 'view'>('view');
  const action = useAction();
  const toggle = (m: M) => {
    action.clear();
    setMode(mode === m ? 'view' : m);
  };
  const run = async (query: string, variables: Record<string, unknown>): Promise<boolean> => {
    if (!(await action.run(() => gql(query, variables)))) return false;
    setMode('view');
    onChanged();
    return true;
  };
  return { mode, close: () => setMode('view'), toggle, action, run };
}
