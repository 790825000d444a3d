import { SaveButton, Toolbar } from 'react-admin';

/** Save, and no delete: master data is disabled, never deleted (reviews and cases copy it). */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
