import { Resource } from 'react-admin';
import departments from './departments';
import halls from './halls';
import serviceItems from './service-items';
import staff from './staff';
import windows from './windows';

/** The master-data resources admins keep (halls, windows, staff, departments, service items); mounted by App.tsx. */
export const masterDataResources = (
  <>
    <Resource name="halls" {...halls} />
    <Resource name="windows" {...windows} />
    <Resource name="staff" {...staff} />
    <Resource name="departments" {...departments} />
    <Resource name="service-items" {...serviceItems} />
  </>
);
