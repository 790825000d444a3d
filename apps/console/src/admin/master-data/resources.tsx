import { Resource } from 'react-admin';

/** The master-data resources admins keep (halls, windows, staff, departments, service items); mounted by App.tsx. */
export const masterDataResources = (
  <>
    {/* Master data as a reference only (hall names in filters); no menu entry. */}
    <Resource name="halls" recordRepresentation="name" />
  </>
);
