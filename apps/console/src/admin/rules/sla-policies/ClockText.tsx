import { useTranslate } from 'react-admin';

/** "1 个工作小时", "10 个工作日", "24 个自然小时". */
export const ClockText = ({ clock }: { clock?: { amount: number; unit: string } }) => {
  const translate = useTranslate();
  if (!clock) return <>—</>;
  return <>{translate(`app.rules.clock.${clock.unit}`, { amount: clock.amount })}</>;
};
