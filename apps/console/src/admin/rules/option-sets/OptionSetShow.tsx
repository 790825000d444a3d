import EditIcon from '@mui/icons-material/Edit';
import { Alert, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { CreateButton, DateField, Labeled, ListButton, NumberField, SelectField, Show, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { CurrentVersionChip } from '../shared/CurrentVersionChip';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { NATURE_CHOICES } from '../shared/choices';
import { newVersionFrom } from './option-set-form';

interface OptionSetVersion {
  id: string;
  nature: string;
  version: number;
  current: boolean;
  options: Array<{ code: string; label: string; suggestedCategory: string; position: number }>;
}

/** "编辑" opens the form of a new version, filled with this one; the version shown never changes. */
const NewVersionButton = () => {
  const record = useRecordContext<OptionSetVersion>();
  const { canAccess } = useCanAccess({ resource: 'admin/option-sets', action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <CreateButton resource="admin/option-sets" state={{ record: newVersionFrom(record) }} label="app.rules.option_sets.new_version" variant="contained" icon={<EditIcon />} />
  );
};

const OptionsTable = () => {
  const record = useRecordContext<OptionSetVersion>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Table size="small" aria-label={translate('resources.admin/option-sets.fields.options')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.rules.option_sets.code')}</TableCell>
          <TableCell>{translate('app.rules.option_sets.label')}</TableCell>
          <TableCell>{translate('app.rules.option_sets.suggested_category')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.options.map((option) => (
          <TableRow key={option.code}>
            <TableCell>{option.code}</TableCell>
            <TableCell>{option.label}</TableCell>
            <TableCell>{translate(`app.rules.categories.${option.suggestedCategory}`)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const HistoricNotice = () => {
  const record = useRecordContext<OptionSetVersion>();
  const translate = useTranslate();
  if (!record || record.current) return null;
  return <Alert severity="info">{translate('app.rules.option_sets.historic_notice')}</Alert>;
};

/** One version: its options in display order, how many reviews used it; "edit" starts the next version. */
export const OptionSetShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ListButton />
        <NewVersionButton />
      </TopToolbar>
    }
  >
    <Card variant="outlined" sx={{ border: 0 }}>
      <CardContent>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          <Labeled source="nature">
            <SelectField source="nature" choices={NATURE_CHOICES} />
          </Labeled>
          <Labeled source="version">
            <TextField source="version" />
          </Labeled>
          <Labeled source="current">
            <CurrentVersionChip />
          </Labeled>
          <Labeled source="reviewCount">
            <NumberField source="reviewCount" />
          </Labeled>
          <Labeled source="createdAt">
            <DateField source="createdAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
          </Labeled>
        </Stack>
        <HistoricNotice />
        <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>
          <OptionsTitle />
        </Typography>
        <OptionsTable />
      </CardContent>
    </Card>
  </Show>
);

const OptionsTitle = () => {
  const translate = useTranslate();
  return <>{translate('resources.admin/option-sets.fields.options')}</>;
};

