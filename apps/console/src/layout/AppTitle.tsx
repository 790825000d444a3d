import { useTranslate } from 'react-admin';

/** The system's name; <Admin title> renders its value as is, so translate it here. */
export const AppTitle = () => {
  const translate = useTranslate();
  return <>{translate('app.title')}</>;
};
