import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useNotify, useRecordContext, useRefresh, useResourceContext } from 'react-admin';
import { httpClient } from '../../../auth/http-client';
import { API_URL } from '../../../data-provider';

/**
 * 停用 / 启用 of a window, a member of staff or a service item: `POST /api/<resource>/<id>/disable|enable`. Disabling
 * asks first (reviews and cases keep what was disabled; it only leaves the lists of what is in use).
 */
export const ActiveToggleButton = () => {
  const record = useRecordContext<{ id: string; active: boolean; name?: string }>();
  const resource = useResourceContext() ?? '';
  const { canAccess } = useCanAccess({ resource, action: 'edit' });
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  if (!record || !canAccess) return null;

  const send = async () => {
    const action = record.active ? 'disable' : 'enable';
    setSending(true);
    try {
      await httpClient(`${API_URL}/${resource}/${encodeURIComponent(record.id)}/${action}`, { method: 'POST' });
      notify(`app.masterData.notifications.${action}d`, { type: 'info' });
    } catch (error) {
      const message = error instanceof Error ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setSending(false);
      setAsking(false);
      refresh();
    }
  };

  return (
    <>
      <Button
        label={record.active ? 'app.masterData.actions.disable' : 'app.masterData.actions.enable'}
        color={record.active ? 'warning' : 'primary'}
        disabled={sending}
        onClick={() => (record.active ? setAsking(true) : void send())}
      >
        {record.active ? <BlockIcon /> : <CheckCircleIcon />}
      </Button>
      <Confirm
        isOpen={asking}
        loading={sending}
        title="app.masterData.confirm_disable.title"
        content="app.masterData.confirm_disable.content"
        translateOptions={{ name: record.name ?? String(record.id) }}
        confirm="app.masterData.actions.disable"
        onConfirm={() => void send()}
        onClose={() => setAsking(false)}
      />
    </>
  );
};
