import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  EditButton,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useRecordContext,
} from 'react-admin';
import { ActiveField } from '../shared/ActiveField';
import { ActiveToggleButton } from '../shared/ActiveToggleButton';
import { ACTIVE_CHOICES, NATURE_CHOICES } from '../shared/choices';
import { pickFields, useMasterDataSubmit } from '../shared/use-master-data-submit';
import { ITEM_CODE } from '../shared/code-validators';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';


const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="departmentCode" source="departmentCode" reference="departments" alwaysOn perPage={100} sort={{ field: 'code', order: 'ASC' }}>
    <SelectInput label="resources.service-items.fields.departmentCode" optionText="name" sx={{ minWidth: 160 }} />
  </ReferenceInput>,
  <SelectInput key="nature" source="nature" choices={NATURE_CHOICES} />,
  <NullableBooleanInput key="onApplication" source="onApplication" />,
  <SelectInput key="active" source="active" choices={ACTIVE_CHOICES} />,
];

/** 政务服务事项 by department and nature (线下窗口 / 网上办事: which reason options a review of it offers). */
export const ServiceItemList = () => (
  <List exporter={false} filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="departmentName" label="resources.service-items.fields.departmentCode" sortBy="departmentCode" />
      <SelectField source="nature" choices={NATURE_CHOICES} sx={{ whiteSpace: 'nowrap' }} />
      <BooleanField source="onApplication" sortable={false} />
      <ActiveField source="active" sortable={false} />
    </Datagrid>
  </List>
);

const ServiceItemShowActions = () => (
  <TopToolbar>
    <ActiveToggleButton />
    <EditButton />
  </TopToolbar>
);

export const ServiceItemShow = () => (
  <Show actions={<ServiceItemShowActions />}>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <ReferenceField source="departmentCode" reference="departments" link="show" />
      <SelectField source="nature" choices={NATURE_CHOICES} />
      <BooleanField source="onApplication" />
      <ActiveField source="active" />
    </SimpleShowLayout>
  </Show>
);

const ItemFields = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} sx={{ maxWidth: 480 }} fullWidth />
    <ReferenceInput source="departmentCode" reference="departments" perPage={100} sort={{ field: 'code', order: 'ASC' }}>
      <SelectInput optionText="name" validate={required()} sx={{ maxWidth: 320 }} />
    </ReferenceInput>
    <SelectInput source="nature" choices={NATURE_CHOICES} validate={required()} sx={{ maxWidth: 320 }} />
    <BooleanInput source="onApplication" />
  </>
);

const FIELDS = ['name', 'departmentCode', 'nature', 'onApplication'];

const ServiceItemEditForm = () => {
  const record = useRecordContext();
  const submit = useMasterDataSubmit('service-items', (values) => pickFields(values, FIELDS), record?.id);
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} onSubmit={submit}>
      <TextInput source="code" disabled helperText="app.masterData.hints.code_fixed" sx={{ maxWidth: 320 }} />
      <ItemFields />
    </SimpleForm>
  );
};

const ServiceItemCreateForm = () => {
  const submit = useMasterDataSubmit('service-items', (values) => pickFields(values, ['code', ...FIELDS]));
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} onSubmit={submit} defaultValues={{ nature: 'OFFLINE', onApplication: true }}>
      <TextInput source="code" validate={[required(), ITEM_CODE]} sx={{ maxWidth: 320 }} />
      <ItemFields />
    </SimpleForm>
  );
};

export const ServiceItemEdit = () => (
  <Edit mutationMode="pessimistic">
    <ServiceItemEditForm />
  </Edit>
);

export const ServiceItemCreate = () => (
  <Create>
    <ServiceItemCreateForm />
  </Create>
);
