// The server entry of @haochaping/contracts: what needs Temporal's workflow runtime. The API's CaseWorkflowClient,
// the worker and the workflows import it; the browser never does (it imports the pure entry, `index.ts`).
export * from './rectification-workflow.definitions';
