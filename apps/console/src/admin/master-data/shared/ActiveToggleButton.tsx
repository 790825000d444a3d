import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useResourceContext } from 'react-admin';
import type { ConsoleDataProvider } from '../../../data-provider';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';

/**
 * 停用 / 启用 of a window, a member of staff or a service item: `POST /api/<resource>/<id>/disable|enable`. Disabling
 * asks first (reviews and cases keep what was disabled; it only leaves the lists of what is in use).
 */
export const ActiveToggleButton = () => {
  const record = useRecordContext<{ id: string; active: boolean; name?: string }>();
  const resource = useResourceContext() ?? '';
  const { canAccess } = useCanAccess({ resource, action: 'edit' });
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [asking, setAsking] = useState(false);
  const { mutate: setActive, isPending: sending } = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => dataProvider.setActive(resource, id, active),
    onSuccess: (_answer, { active }) => notify(`app.masterData.notifications.${active ? 'enabled' : 'disabled'}`, { type: 'info' }),
    onError: notifyRefusal,
    onSettled: () => {
      setAsking(false);
      refresh();
    },
  });
  if (!record || !canAccess) return null;

  const send = () => setActive({ id: record.id, active: !record.active });

  return (
    <>
      <Button
        label={record.active ? 'app.masterData.actions.disable' : 'app.masterData.actions.enable'}
        color={record.active ? 'warning' : 'primary'}
        disabled={sending}
        onClick={() => (record.active ? setAsking(true) : send())}
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
        onConfirm={send}
        onClose={() => setAsking(false)}
      />
    </>
  );
};
