import DownloadIcon from '@mui/icons-material/Download';
import { useMutation } from '@tanstack/react-query';
import { Button, useDataProvider, useListContext, useNotify } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';

/**
 * 导出 CSV: the API writes the file for the list's current filter and sort (every matching review, not only the page
 * shown; Chinese headers, the reviewer masked), and the browser saves it. Asked with the user's token, so the file
 * holds exactly what the user may see.
 */
export const ReviewExportButton = () => {
  const { sort, total, ...list } = useListContext();
  const filterValues = list.filterValues as Record<string, unknown>;
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { mutate: download, isPending } = useMutation({
    mutationFn: () => dataProvider.exportReviews(filterValues, sort),
    onSuccess: (csv) => {
      // fetch decodes the text without the BOM; Excel needs it back to read the file as UTF-8.
      const url = URL.createObjectURL(new Blob([`\uFEFF${csv.replace(/^\uFEFF/, '')}`], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = '评价记录.csv';
      link.click();
      // Revoked a moment later: revoking at once can cancel the download before the browser has read the blob.
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    onError: (error) => notify('app.reviews.export_failed', { type: 'error', messageArgs: { message: error.message } }),
  });
  return <Button label="app.reviews.export" onClick={() => download()} disabled={isPending || total === 0} startIcon={<DownloadIcon />} />;
};
