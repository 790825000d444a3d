import { useCreate, useNotify, useRecordContext, useRedirect, useUpdate, type RaRecord } from 'react-admin';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';

type FormValues = Record<string, unknown>;

/**
 * The save of a master-data form: only the fields the API takes (`toBody`; the read model carries more, which the
 * API would refuse), sent at once (no undo delay, so a refusal meets the form still open), the API's Chinese
 * message as the notification and its field errors next to the inputs. Then to the show page.
 */
export function useMasterDataSubmit(resource: string, toBody: (values: FormValues) => FormValues, id?: RaRecord['id']) {
  const [create] = useCreate();
  const [update] = useUpdate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const redirect = useRedirect();
  const previousData = useRecordContext();

  return async (values: FormValues): Promise<Record<string, string> | undefined> => {
    try {
      const data = toBody(values);
      const saved = (
        id === undefined
          ? await create(resource, { data }, { returnPromise: true })
          : await update(resource, { id, data, previousData }, { mutationMode: 'pessimistic', returnPromise: true })
      ) as RaRecord;
      notify(id === undefined ? 'ra.notification.created' : 'ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
      redirect('show', resource, saved.id);
      return undefined;
    } catch (error) {
      return notifyRefusal(error).fieldErrors;
    }
  };
}

/** The named fields of the form's values, blanks as null (so a cleared optional field is sent as "none"). */
export function pickFields(values: FormValues, fields: readonly string[]): FormValues {
  return Object.fromEntries(fields.map((field) => [field, values[field] === '' || values[field] === undefined ? null : values[field]]));
}
