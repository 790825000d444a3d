import { EditButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { ActiveField } from '../shared/ActiveField';
import { ActiveToggleButton } from '../shared/ActiveToggleButton';

const StaffShowActions = () => (
  <TopToolbar>
    <ActiveToggleButton />
    <EditButton />
  </TopToolbar>
);

export const StaffShow = () => (
  <Show actions={<StaffShowActions />}>
    <SimpleShowLayout>
      <TextField source="employeeNumber" />
      <TextField source="name" />
      <ReferenceField source="hallCode" reference="halls" link="show" />
      <ReferenceField source="windowId" reference="windows" link="show" label="resources.staff.fields.windowCode" emptyText="—" />
      <ActiveField source="active" />
    </SimpleShowLayout>
  </Show>
);
