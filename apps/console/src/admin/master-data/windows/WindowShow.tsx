import { EditButton, Labeled, NumberField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { ActiveField } from '../shared/ActiveField';
import { ActiveToggleButton } from '../shared/ActiveToggleButton';
import { WindowQrActions, WindowQrPreview } from './WindowQrActions';

const WindowShowActions = () => (
  <TopToolbar>
    <ActiveToggleButton />
    <EditButton />
  </TopToolbar>
);

/** A window with its QR: downloads for printing, and the A5 poster to print at the window. */
export const WindowShow = () => (
  <Show actions={<WindowShowActions />}>
    <SimpleShowLayout>
      <TextField source="hallName" label="resources.windows.fields.hallCode" />
      <TextField source="code" />
      <TextField source="name" />
      <NumberField source="staffCount" />
      <ActiveField source="active" />
      <Labeled label="app.masterData.qr.title">
        <WindowQrPreview />
      </Labeled>
      <WindowQrActions />
    </SimpleShowLayout>
  </Show>
);
