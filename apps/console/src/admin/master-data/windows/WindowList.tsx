import { Datagrid, List, NumberField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { ActiveField } from '../shared/ActiveField';
import { ACTIVE_CHOICES } from '../shared/choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="hallCode" source="hallCode" reference="halls" alwaysOn perPage={50} sort={{ field: 'code', order: 'ASC' }}>
    <SelectInput label="resources.windows.fields.hallCode" optionText="name" sx={{ minWidth: 180 }} />
  </ReferenceInput>,
  <SelectInput key="active" source="active" choices={ACTIVE_CHOICES} />,
];

/** Every hall's windows, by hall; a window's page has its QR and poster. */
export const WindowList = () => (
  <List exporter={false} filters={filters} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="hallName" label="resources.windows.fields.hallCode" sortBy="hallCode" />
      <TextField source="code" />
      <TextField source="name" />
      <NumberField source="staffCount" sortable={false} />
      <ActiveField source="active" sortable={false} />
    </Datagrid>
  </List>
);
