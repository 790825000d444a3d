import { useCreate, useNotify, useRedirect, type RaRecord } from 'react-admin';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';

/**
 * Saves a new version (POST) at once — no undo delay, so a refusal meets the form still open — with the API's
 * Chinese message as the notification and its field errors beside the inputs; then to the new version's page.
 */
export function useCreateVersion<V>(resource: string, toBody: (values: V) => object) {
  const [create] = useCreate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const redirect = useRedirect();
  return async (values: V): Promise<Record<string, string> | undefined> => {
    try {
      const saved = (await create(resource, { data: toBody(values) }, { returnPromise: true })) as RaRecord;
      notify('app.rules.version_saved', { type: 'success' });
      redirect('show', resource, saved.id);
      return undefined;
    } catch (error) {
      return notifyRefusal(error).fieldErrors;
    }
  };
}
