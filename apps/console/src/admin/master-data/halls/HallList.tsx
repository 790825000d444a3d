import { Datagrid, FunctionField, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { HALL_KIND_CHOICES } from '../shared/choices';
import { describeOfficeHours, type OfficeHours } from './office-hours-form';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" choices={HALL_KIND_CHOICES} />];

/** The county's 13 halls (and any added later), with their office hours in one line. */
export const HallList = () => (
  <List exporter={false} filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="code" />
      <SelectField source="kind" choices={HALL_KIND_CHOICES} />
      <FunctionField source="officeHours" sortable={false} render={(record: { officeHours?: OfficeHours }) => describeOfficeHours(record.officeHours)} />
    </Datagrid>
  </List>
);
