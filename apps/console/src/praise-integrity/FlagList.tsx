import { Alert, Chip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  TextField,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import type { ConsoleDataProvider } from '../data-provider';
import type { FlagRecord } from './praise-integrity.types';

const STATUS_COLORS = { OPEN: 'warning', CLEARED: 'default', CONFIRMED: 'error' } as const;

/** A flag's 核查状态 as a chip: 待核查 stands out, 确认刷好评 is red. */
export const FlagStatusChip = ({ status }: { status: FlagRecord['status'] }) => {
  const translate = useTranslate();
  return <Chip size="small" color={STATUS_COLORS[status]} label={translate(`app.praise-integrity.status.${status}`)} />;
};

/** 检测最近 7 天: runs the rules now (the API's default range) and shows what it found. */
const DetectButton = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.detectPraiseFlags(),
    onSuccess: (result) => {
      notify('app.praise-integrity.detected', { type: 'info', messageArgs: { reviews: result.reviewsRead, created: result.created, updated: result.updated } });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error', messageArgs: { _: error.message } }),
  });
  return <Button label="app.praise-integrity.detect" onClick={() => mutate()} disabled={isPending} />;
};

const filters = [
  <SelectInput
    key="status"
    source="status"
    alwaysOn
    choices={[
      { id: 'OPEN', name: 'app.praise-integrity.status.OPEN' },
      { id: 'CLEARED', name: 'app.praise-integrity.status.CLEARED' },
      { id: 'CONFIRMED', name: 'app.praise-integrity.status.CONFIRMED' },
    ]}
  />,
];

/** 刷好评核查: the flags, newest first; a row opens its evidence and the decision. */
export const FlagList = () => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate('app.praise-integrity.intro')}
      </Alert>
      <List empty={false} filters={filters} sort={{ field: 'detectedAt', order: 'DESC' }} actions={<TopToolbar><DetectButton /></TopToolbar>} exporter={false}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="day" sortable />
          <TextField source="hallName" sortable={false} />
          <TextField source="ruleLabel" sortBy="rule" />
          <TextField source="subjectLabel" sortable={false} />
          <NumberField source="reviewCount" sortable={false} />
          <FunctionField source="status" render={(record: FlagRecord) => <FlagStatusChip status={record.status} />} />
          <DateField source="detectedAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
        </Datagrid>
      </List>
    </>
  );
};
