import { Datagrid, DateField, FunctionField, List, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { CurrentVersionChip } from '../shared/CurrentVersionChip';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { NATURE_CHOICES } from '../shared/choices';

const filters = [<SelectInput key="nature" source="nature" choices={NATURE_CHOICES} alwaysOn />];

/** Every version of both option sets, newest first; the current one of each nature marked. */
export const OptionSetList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <SelectField source="nature" choices={NATURE_CHOICES} />
      <TextField source="version" />
      <FunctionField source="current" sortable={false} render={() => <CurrentVersionChip />} />
      <FunctionField source="options" sortable={false} render={(record: { options: unknown[] }) => record.options.length} />
      <NumberField source="reviewCount" sortable={false} />
      <DateField source="createdAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
    </Datagrid>
  </List>
);
