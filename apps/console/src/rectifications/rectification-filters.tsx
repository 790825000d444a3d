import { AutocompleteArrayInput, BooleanInput, ReferenceArrayInput, SelectArrayInput, TextInput } from 'react-admin';
import { OPEN_STATES, RECTIFICATION_CATEGORIES, RECTIFICATION_STATES } from '@haochaping/contracts';

export const STATE_CHOICES = (Object.keys(RECTIFICATION_STATES) as Array<keyof typeof RECTIFICATION_STATES>).map((id) => ({ id, name: RECTIFICATION_STATES[id] }));
export const CATEGORY_CHOICES = (Object.keys(RECTIFICATION_CATEGORIES) as Array<keyof typeof RECTIFICATION_CATEGORIES>).map((id) => ({
  id,
  name: RECTIFICATION_CATEGORIES[id],
}));
const ESCALATION_CHOICES = [
  { id: 0, name: 'app.escalation.level_0' },
  { id: 1, name: 'app.escalation.level_1' },
  { id: 2, name: 'app.escalation.level_2' },
];

/** The list's filters: the workflow issue's (hall, state, category, overdue, escalation, due before). */
export const rectificationFilters = [
  <ReferenceArrayInput key="hallCode" source="hallCode" reference="halls" alwaysOn perPage={50} sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteArrayInput label="resources.rectifications.fields.hallCode" optionText="name" sx={{ minWidth: 200 }} />
  </ReferenceArrayInput>,
  <SelectArrayInput key="state" source="state" choices={STATE_CHOICES} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="category" source="category" choices={CATEGORY_CHOICES} sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="escalationLevel" source="escalationLevel" choices={ESCALATION_CHOICES} sx={{ minWidth: 160 }} />,
  <BooleanInput key="overdue" source="overdue" />,
  // An instant with its offset, as the API wants it (the value comes from a preset, or typed).
  <TextInput key="dueBefore" source="dueBefore" helperText="app.presets.due_before_help" />,
];

/** Hours ahead that count as 即将超期. */
export const DUE_SOON_HOURS = 24;

export function dueSoonFilter(now: number = Date.now()) {
  return { state: OPEN_STATES, overdue: false, dueBefore: new Date(now + DUE_SOON_HOURS * 3_600_000).toISOString() };
}
