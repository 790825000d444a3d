/**
 * The Temporal Web UI (the dev server's, `npm start` prints it); VITE_TEMPORAL_UI_URL overrides it at build time.
 * The API's health report does not carry it, so the console knows it from its own build.
 */
const TEMPORAL_UI_URL = ((import.meta.env.VITE_TEMPORAL_UI_URL as string | undefined) ?? 'http://127.0.0.1:8233').replace(/\/$/, '');
const TEMPORAL_NAMESPACE = (import.meta.env.VITE_TEMPORAL_NAMESPACE as string | undefined) ?? 'default';

export function temporalWorkflowUrl(workflowId: string): string {
  return `${TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}
