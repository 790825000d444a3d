import { useCallback } from 'react';
import { useNotify } from 'react-admin';
import { refusalOf, type ApiRefusal } from './api-refusal';

/**
 * Shows a refusal as every screen of the console does — the API's Chinese message as an error notification — and
 * hands it back, so a form can return its `fieldErrors` from onSubmit and a dialog can decide whether to stay open.
 */
export function useNotifyRefusal(): (error: unknown) => ApiRefusal {
  const notify = useNotify();
  return useCallback(
    (error: unknown) => {
      const refusal = refusalOf(error);
      // `_` makes polyglot show a message that is not a translation key (the API's own Chinese) as it is.
      notify(refusal.message, { type: 'error', messageArgs: { _: refusal.message } });
      return refusal;
    },
    [notify],
  );
}
