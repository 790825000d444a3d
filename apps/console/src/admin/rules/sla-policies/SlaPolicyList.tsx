import { Datagrid, DateField, FunctionField, List, NumberField, TextField } from 'react-admin';
import { CurrentVersionChip } from '../shared/CurrentVersionChip';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';

/** Every version of the clocks, newest first, with how many cases run under each. */
export const SlaPolicyList = () => (
  <List sort={{ field: 'version', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="version" />
      <FunctionField source="current" sortable={false} render={() => <CurrentVersionChip />} />
      <TextField source="note" sortable={false} emptyText="—" />
      <NumberField source="openCaseCount" sortable={false} />
      <NumberField source="caseCount" sortable={false} />
      <DateField source="createdAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
    </Datagrid>
  </List>
);
