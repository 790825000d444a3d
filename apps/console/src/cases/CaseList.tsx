import {
  AutocompleteArrayInput,
  BooleanField,
  Datagrid,
  DateField,
  List,
  NullableBooleanInput,
  ReferenceArrayInput,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';

export const CHANNEL_CHOICES = [
  { id: 'WINDOW', name: 'app.cases.channels.WINDOW' },
  { id: 'ONLINE', name: 'app.cases.channels.ONLINE' },
];

const caseFilters = [
  <TextInput key="caseNumber" source="caseNumber" alwaysOn />,
  <ReferenceArrayInput key="hallCode" source="hallCode" reference="halls" alwaysOn perPage={50} sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteArrayInput label="resources.cases.fields.hallCode" optionText="name" sx={{ minWidth: 200 }} />
  </ReferenceArrayInput>,
  <SelectInput key="channel" source="channel" choices={CHANNEL_CHOICES} />,
  <NullableBooleanInput key="rated" source="rated" />,
];

/** 办件: the cases of the user's halls, applicant masked by the API; the export takes the current filter. */
export const CaseList = () => (
  <List filters={caseFilters} sort={{ field: 'receivedAt', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="caseNumber" />
      <TextField source="serviceItemName" sortable={false} />
      <TextField source="hallName" label="resources.cases.fields.hallCode" sortable={false} />
      <TextField source="windowName" sortable={false} emptyText="—" />
      <TextField source="applicantName" sortable={false} />
      <TextField source="applicantPhone" sortable={false} emptyText="—" />
      <DateField source="receivedAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
      <DateField source="completedAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} emptyText="—" />
      <BooleanField source="rated" sortable={false} />
    </Datagrid>
  </List>
);
