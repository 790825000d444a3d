import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useListContext, useNotify } from 'react-admin';
import { httpClient } from '../auth/http-client';
import { API_URL } from '../data-provider';
import { exportQuery } from './review-filters';

/**
 * 导出 CSV: the API writes the file for the list's current filter and sort (every matching review, not only the page
 * shown; Chinese headers, the reviewer masked), and the browser saves it. Asked with the user's token, so the file
 * holds exactly what the user may see.
 */
export const ReviewExportButton = () => {
  const { sort, total, ...list } = useListContext();
  const filterValues = list.filterValues as Record<string, unknown>;
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { body } = await httpClient(`${API_URL}/reviews/export.csv?${exportQuery(filterValues, sort)}`, {
        headers: new Headers({ Accept: 'text/csv' }),
      });
      // fetch decodes the text without the BOM; Excel needs it back to read the file as UTF-8.
      const url = URL.createObjectURL(new Blob([`\uFEFF${body.replace(/^\uFEFF/, '')}`], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = '评价记录.csv';
      link.click();
      // Revoked a moment later: revoking at once can cancel the download before the browser has read the blob.
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      notify('app.reviews.export_failed', { type: 'error', messageArgs: { message } });
    } finally {
      setBusy(false);
    }
  };
  return <Button label="app.reviews.export" onClick={() => void download()} disabled={busy || total === 0} startIcon={<DownloadIcon />} />;
};
