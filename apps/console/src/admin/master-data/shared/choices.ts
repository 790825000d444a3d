/** Choices shared by the master-data screens (labels are translation keys). */
export const HALL_KIND_CHOICES = [
  { id: 'STREET', name: 'app.masterData.kinds.STREET' },
  { id: 'TOWN', name: 'app.masterData.kinds.TOWN' },
];

export const NATURE_CHOICES = [
  { id: 'OFFLINE', name: 'app.masterData.natures.OFFLINE' },
  { id: 'ONLINE', name: 'app.masterData.natures.ONLINE' },
];

export const ACTIVE_CHOICES = [
  { id: true, name: 'app.masterData.status.active' },
  { id: false, name: 'app.masterData.status.disabled' },
];
