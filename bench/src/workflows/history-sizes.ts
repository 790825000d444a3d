import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';

/**
 * History size of each main path of a case, per recorded version: the number of events and the bytes of the history
 * as Temporal stores and sends it (protobuf-encoded). Reads the histories the workflow tests recorded
 * (workflows/rectification/test/histories/<path>.<tag>.json, see that README's "Changing workflow code") and prints a
 * Markdown table comparing each path's newest history with the one recorded before it: `npm run bench:history`
 * (or `npm run bench:history -- v4` to compare that tag with each path's tag before it).
 */
const HISTORIES_DIR = path.resolve(__dirname, '../../../workflows/rectification/test/histories');
const FILE_NAME = /^([a-z0-9-]+)\.([A-Za-z0-9_-]+)\.json$/;

interface Size {
  events: number;
  bytes: number;
}

function sizeOf(file: string): Size {
  const { history } = JSON.parse(fs.readFileSync(file, 'utf8')) as { history: Record<string, unknown> };
  const decoded = temporal.api.history.v1.History.fromObject(history);
  return { events: decoded.events.length, bytes: temporal.api.history.v1.History.encode(decoded).finish().length };
}

function main(): void {
  const sizes = new Map<string, Map<string, Size>>();
  for (const name of fs.readdirSync(HISTORIES_DIR).sort()) {
    const match = FILE_NAME.exec(name);
    if (!match) continue;
    const [, mainPath, tag] = match;
    if (!sizes.has(mainPath)) sizes.set(mainPath, new Map());
    sizes.get(mainPath)!.set(tag, sizeOf(path.join(HISTORIES_DIR, name)));
  }
  const tags = [...new Set([...sizes.values()].flatMap((byTag) => [...byTag.keys()]))].sort();
  const after = process.argv[2] ?? tags.at(-1)!;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const lines = [
    `| main path | before: tag | events | size | ${after}: events | size | size change |`,
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const [mainPath, byTag] of sizes) {
    const before = [...byTag.keys()].filter((tag) => tag < after).sort().at(-1);
    const old = before === undefined ? undefined : byTag.get(before);
    const now = byTag.get(after);
    const cell = (size: Size | undefined, key: keyof Size) => (size ? (key === 'bytes' ? kib(size.bytes) : String(size.events)) : '—');
    const change = old && now ? `${(((now.bytes - old.bytes) / old.bytes) * 100).toFixed(0)} %` : '—';
    lines.push(`| ${mainPath} | ${before ?? '—'} | ${cell(old, 'events')} | ${cell(old, 'bytes')} | ${cell(now, 'events')} | ${cell(now, 'bytes')} | ${change} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
