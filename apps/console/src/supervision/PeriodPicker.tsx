import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { STATISTICS_PERIODS, type StatisticsPeriodKey } from './statistics-period';

/** 近30天 / 本月 / 本年. */
export const PeriodPicker = ({ value, onChange }: { value: StatisticsPeriodKey; onChange: (key: StatisticsPeriodKey) => void }) => {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup size="small" exclusive value={value} onChange={(_event, key: StatisticsPeriodKey | null) => key && onChange(key)} aria-label={translate('app.statistics.period')}>
      {STATISTICS_PERIODS.map((key) => (
        <ToggleButton key={key} value={key} sx={{ px: 2 }}>
          {translate(`app.statistics.periods.${key}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};
