import fs from 'node:fs';
import path from 'node:path';
import type { HistoryAndWorkflowId, WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** Recorded histories of finished cases; see README.md ("Changing workflow code"). */
export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');

/** `<main path>.<tag>.json`, e.g. `extension-approved.v1.json`. */
const FILE_NAME = /^([a-z0-9-]+)\.([A-Za-z0-9_-]+)\.json$/;

/** What a history file holds: where it came from, and the history as protobufjs JSON. */
export interface HistoryFile {
  path: string;
  tag: string;
  description: string;
  workflowType: string;
  recordedAt: string;
  /** `temporal.api.history.v1.History` as `History.toObject(…, { longs, enums, bytes: String })`. */
  history: Record<string, unknown>;
}

/*
 * Why protobufjs JSON and not the proto3 JSON of `temporal workflow show --output json`: the SDK's converters
 * (historyToJSON / historyFromJSON in @temporalio/common) go through protobufjs' protojson extension, and with this
 * install's two nested copies of protobufjs 8 (under @temporalio/common and @temporalio/proto) its `instanceof` check
 * fails ("type must be a Type"), in Jest and in plain Node alike. The generated `History.toObject` / `fromObject` of
 * @temporalio/proto need no reflection, so they round-trip exactly.
 */
const JSON_OPTIONS = { longs: String, enums: String, bytes: String } as const;

/** Writes a finished case's history as `<name>.<tag>.json`; never overwrites (old histories must stay). */
export async function recordHistory(handle: WorkflowHandle, name: string, tag: string, description: string): Promise<string> {
  if (!FILE_NAME.test(`${name}.${tag}.json`)) throw new Error(`not a history file name: ${name}.${tag}.json`);
  const file = path.join(HISTORIES_DIR, `${name}.${tag}.json`);
  if (fs.existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} exists: record new histories under a new tag, keep the old ones`);
  const history = temporal.api.history.v1.History.fromObject(await handle.fetchHistory());
  const content: HistoryFile = {
    path: name,
    tag,
    description,
    workflowType: (await handle.describe()).type,
    recordedAt: new Date().toISOString(),
    history: temporal.api.history.v1.History.toObject(history, JSON_OPTIONS),
  };
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(content)}\n`);
  return file;
}

/** Every recorded history, named by its file, ready for Worker.runReplayHistories. */
export function readHistories(): Array<HistoryAndWorkflowId & { file: HistoryFile; fileName: string }> {
  if (!fs.existsSync(HISTORIES_DIR)) return [];
  return fs
    .readdirSync(HISTORIES_DIR)
    .filter((fileName) => FILE_NAME.test(fileName))
    .sort()
    .map((fileName) => {
      const file = JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, fileName), 'utf8')) as HistoryFile;
      return { workflowId: fileName, history: temporal.api.history.v1.History.fromObject(file.history), file, fileName };
    });
}
