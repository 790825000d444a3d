import { Datagrid, List, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { ActiveField } from '../shared/ActiveField';
import { ACTIVE_CHOICES } from '../shared/choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="hallCode" source="hallCode" reference="halls" alwaysOn perPage={50} sort={{ field: 'code', order: 'ASC' }}>
    <SelectInput label="resources.staff.fields.hallCode" optionText="name" sx={{ minWidth: 180 }} />
  </ReferenceInput>,
  <SelectInput key="active" source="active" choices={ACTIVE_CHOICES} />,
];

/** Staff of the halls, by 工号. */
export const StaffList = () => (
  <List exporter={false} filters={filters} sort={{ field: 'employeeNumber', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="employeeNumber" />
      <TextField source="name" />
      <TextField source="hallName" label="resources.staff.fields.hallCode" sortBy="hallCode" />
      <TextField source="windowName" label="resources.staff.fields.windowCode" sortable={false} emptyText="—" />
      <ActiveField source="active" sortable={false} />
    </Datagrid>
  </List>
);
