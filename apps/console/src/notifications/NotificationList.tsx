import DoneAllIcon from '@mui/icons-material/DoneAll';
import DoneIcon from '@mui/icons-material/Done';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Chip } from '@mui/material';
import {
  Button,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NullableBooleanInput,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router';
import { NOTIFICATION_KIND_LABELS, STAFF_NOTICE_KINDS, type NotificationKind } from '@haochaping/contracts';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { useNoticeActions } from './use-notice-actions';

/** A notice as GET /api/notifications gives it. */
export interface Notice {
  id: string;
  kind: NotificationKind;
  body: string;
  createdAt: string;
  readAt: string | null;
  reviewId: string | null;
}

const KIND_CHOICES = STAFF_NOTICE_KINDS.map((kind) => ({ id: kind, name: NOTIFICATION_KIND_LABELS[kind] }));

const noticeFilters = [
  <SelectInput key="kind" source="kind" choices={KIND_CHOICES} translateChoice={false} alwaysOn />,
  <NullableBooleanInput key="unread" source="unread" trueLabel="app.notifications.unread" falseLabel="app.notifications.read" alwaysOn />,
];

const caseLink = (notice: Notice) => (notice.reviewId ? `/rectifications/${encodeURIComponent(notice.reviewId)}/show` : null);

const MarkAllReadButton = () => {
  const { markAllRead } = useNoticeActions();
  return (
    <Button label="app.notifications.mark_all_read" disabled={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
      <DoneAllIcon />
    </Button>
  );
};

/** Opens the notice's case; an unread notice is marked read on the way. */
const OpenCaseButton = () => {
  const notice = useRecordContext<Notice>();
  const navigate = useNavigate();
  const { markRead } = useNoticeActions();
  const link = notice ? caseLink(notice) : null;
  if (!notice || !link) return null;
  return (
    <Button
      label="app.notifications.open_case"
      sx={{ whiteSpace: 'nowrap' }}
      onClick={(event) => {
        event.stopPropagation();
        if (notice.readAt === null) markRead.mutate(notice.id);
        void navigate(link);
      }}
    >
      <OpenInNewIcon />
    </Button>
  );
};

const MarkReadButton = () => {
  const notice = useRecordContext<Notice>();
  const { markRead } = useNoticeActions();
  if (!notice || notice.readAt !== null) return null;
  return (
    <Button
      label="app.notifications.mark_read"
      sx={{ whiteSpace: 'nowrap' }}
      disabled={markRead.isPending}
      onClick={(event) => {
        event.stopPropagation();
        markRead.mutate(notice.id);
      }}
    >
      <DoneIcon />
    </Button>
  );
};

const ReadState = () => {
  const notice = useRecordContext<Notice>();
  const translate = useTranslate();
  if (!notice) return null;
  return notice.readAt === null ? (
    <Chip size="small" color="error" label={translate('app.notifications.unread')} />
  ) : (
    <Chip size="small" variant="outlined" label={translate('app.notifications.read')} />
  );
};

/** 消息: the user's notices, unread first (the API orders them), by kind and read state; each opens its case. */
export const NotificationList = () => {
  const { markRead } = useNoticeActions();
  return (
    <List filters={noticeFilters} actions={<TopToolbar><MarkAllReadButton /></TopToolbar>} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} empty={false}>
      <Datagrid
        bulkActionButtons={false}
        rowSx={(notice: Notice) => ({ '& td': { fontWeight: notice.readAt === null ? 600 : 400 } })}
        rowClick={(_id, _resource, record) => {
          const notice = record as Notice;
          const link = caseLink(notice);
          if (link && notice.readAt === null) markRead.mutate(notice.id);
          return link ?? false;
        }}
      >
        <FunctionField label="resources.notifications.fields.state" render={() => <ReadState />} />
        <FunctionField source="kind" sortable={false} render={(notice: Notice) => NOTIFICATION_KIND_LABELS[notice.kind] ?? notice.kind} />
        <TextField source="body" sortable={false} />
        <DateField source="createdAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
        <OpenCaseButton />
        <MarkReadButton />
      </Datagrid>
    </List>
  );
};
