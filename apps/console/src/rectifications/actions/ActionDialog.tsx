import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../data-provider';
import { useNotifyRefusal } from '../../shared/use-notify-refusal';
import type { RectificationActionPath } from '@haochaping/contracts';
import { actionBody, initialValues, validateAction, type ActionFormValues } from './action-forms';
import { ActionFields } from './ActionFields';

interface ActionDialogProps {
  caseId: string;
  action: RectificationActionPath;
  onClose: () => void;
}

/**
 * One action's form. The workflow decides: a refusal (409 not in this state any more, 403 not yours, 422 its
 * rules) is shown in its Chinese words, and the case is read again so the screen shows what is true now.
 */
export const ActionDialog = ({ caseId, action, onClose }: ActionDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [initial] = useState(() => initialValues(action));
  const { mutateAsync: send, isPending: sending } = useMutation({
    mutationFn: (values: ActionFormValues) => dataProvider.rectificationAction(caseId, action, actionBody(action, values)),
    onSettled: () => refresh(),
  });

  const submit = async (values: ActionFormValues) => {
    try {
      await send(values);
      notify('app.action.done', { type: 'success', messageArgs: { action: translate(`app.action.names.${action}`) } });
      onClose();
      return undefined;
    } catch (error) {
      const { statusCode, fieldErrors } = notifyRefusal(error);
      // A 422 is about what was typed: keep the form open to fix it. Anything else means the case moved on.
      if (statusCode !== 422) onClose();
      return fieldErrors;
    }
  };

  return (
    <Dialog open onClose={sending ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="action-dialog-title">
      <Form record={initial} onSubmit={(values: ActionFormValues) => submit(values)} validate={(values: ActionFormValues) => validateAction(action, values)}>
        <DialogTitle id="action-dialog-title">{translate(`app.action.names.${action}`)}</DialogTitle>
        <DialogContent>
          <ActionFields action={action} caseId={caseId} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={sending}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={sending}>
            {translate('app.action.submit')}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};
