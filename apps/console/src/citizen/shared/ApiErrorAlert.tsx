import { Alert, AlertTitle, Button } from '@mui/material';
import type { CitizenApiError } from '../api/citizen-api';

/** An API refusal where it happened: its Chinese message, the field messages under it, and a retry when useful. */
export function ApiErrorAlert({ error, title, onRetry }: { error: CitizenApiError; title?: string; onRetry?: () => void }) {
  const details = error.fieldErrors.map((fieldError) => fieldError.message).filter((message) => message !== error.message);
  return (
    <Alert
      severity="error"
      role="alert"
      sx={{ my: 2 }}
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    >
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      {error.message}
      {details.length > 0 ? (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {details.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
