import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Form, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../data-provider';
import { apiErrorOf } from '../../auth/session';
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
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [sending, setSending] = useState(false);
  const [initial] = useState(() => initialValues(action));

  const submit = async (values: ActionFormValues) => {
    setSending(true);
    try {
      await dataProvider.rectificationAction(caseId, action, actionBody(action, values));
      notify('app.action.done', { type: 'success', messageArgs: { action: translate(`app.action.names.${action}`) } });
      onClose();
    } catch (error) {
      const { statusCode, errors } = apiErrorOf(error);
      const message = error instanceof Error ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
      // A 422 is about what was typed: keep the form open to fix it. Anything else means the case moved on.
      if (statusCode !== 422) onClose();
      return statusCode === 422 && errors ? Object.fromEntries(errors.map(({ field, message: fieldMessage }) => [field, fieldMessage])) : undefined;
    } finally {
      setSending(false);
      refresh();
    }
    return undefined;
  };

  return (
    <Dialog open onClose={sending ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="action-dialog-title">
      <Form record={initial} onSubmit={(values: ActionFormValues) => submit(values)} validate={(values: ActionFormValues) => validateAction(action, values)}>
        <DialogTitle id="action-dialog-title">{translate(`app.action.names.${action}`)}</DialogTitle>
        <DialogContent>
          <ActionFields action={action} />
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
