import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import { Box, ButtonBase, FormHelperText, Stack, Typography } from '@mui/material';
import { RATING_LEVELS, type RatingLevel } from './rating-rules';

/**
 * The five levels as one full-width row each (stars and name together), so the name is always visible and no
 * star is a small target: hover labels, as in a classic star widget, do not exist on a phone.
 */
export function LevelPicker({ value, onChange, error }: { value: RatingLevel | null; onChange: (level: RatingLevel) => void; error?: string }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        您对这次服务满意吗？
      </Typography>
      <Stack role="radiogroup" aria-label="满意程度" spacing={1}>
        {RATING_LEVELS.map(({ level, name }) => {
          const selected = value === level;
          return (
            <ButtonBase
              key={level}
              role="radio"
              aria-checked={selected}
              aria-label={name}
              onClick={() => onChange(level)}
              sx={{
                justifyContent: 'flex-start',
                gap: 1.5,
                minHeight: 52,
                px: 2,
                borderRadius: 2,
                border: 2,
                borderColor: selected ? 'primary.main' : 'divider',
                bgcolor: selected ? 'rgba(21, 101, 192, 0.08)' : 'background.paper',
              }}
            >
              <Box aria-hidden sx={{ display: 'flex', color: level <= 2 ? '#e65100' : '#f5a623' }}>
                {[1, 2, 3, 4, 5].map((star) => (star <= level ? <StarIcon key={star} /> : <StarBorderIcon key={star} sx={{ color: 'grey.400' }} />))}
              </Box>
              <Typography sx={{ fontSize: 17, fontWeight: selected ? 700 : 400 }}>{name}</Typography>
            </ButtonBase>
          );
        })}
      </Stack>
      {error ? (
        <FormHelperText error role="alert" sx={{ fontSize: 15 }}>
          {error}
        </FormHelperText>
      ) : null}
    </Box>
  );
}
