import { Alert } from '@mui/material';
import { ArrayInput, Create, SelectInput, SimpleForm, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { CATEGORY_CHOICES, NATURE_CHOICES } from '../shared/choices';
import { nestErrors } from '../../../shared/nest-errors';
import { useCreateVersion } from '../shared/use-create-version';
import { MAX_OPTIONS, optionSetBody, validateOptionSet, type OptionSetValues } from './option-set-form';

/**
 * A new version of an option set (opened from a version's "编辑", filled with it). Saving adds the version; reviews
 * already given keep theirs, and the citizen pages show the new options from then on.
 */
export const OptionSetCreate = () => {
  const translate = useTranslate();
  const save = useCreateVersion<OptionSetValues>('admin/option-sets', optionSetBody);
  return (
    <Create title="app.rules.option_sets.create_title" redirect={false}>
      <SimpleForm onSubmit={(values: Record<string, unknown>) => save(values)} validate={(values) => nestErrors(validateOptionSet(values))}>
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
          {translate('app.rules.option_sets.versioning', { max: MAX_OPTIONS })}
        </Alert>
        <SelectInput source="nature" choices={NATURE_CHOICES} />
        <ArrayInput source="options">
          <SimpleFormIterator inline disableReordering={false} getItemLabel={(index) => `${index + 1}`}>
            <TextInput source="code" label="app.rules.option_sets.code" sx={{ minWidth: 110, maxWidth: 110 }} helperText={false} />
            <TextInput source="label" label="app.rules.option_sets.label" sx={{ minWidth: 260 }} helperText={false} />
            <SelectInput source="suggestedCategory" label="app.rules.option_sets.suggested_category" choices={CATEGORY_CHOICES} helperText={false} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
};
