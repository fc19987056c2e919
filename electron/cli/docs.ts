// `npm run docs` / `lms docs`: generates the docs that cannot go stale — the API reference from the contract
// (every method, its access rule, kind, input and output as JSON Schema) and the ledger's schema with a
// Mermaid ER diagram from a freshly migrated ledger. `--check` fails when the committed docs differ.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { migrate } from '../../db/migrator';
import { openSqlite } from '../../db/open';
import { contract, methodNames } from '../../shared/contract';
import type { Io } from './main';

const docsDir = 'docs';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return JSON.stringify(json, null, 2);
}

export function apiReference(): string {
  const lines = [
    '# API reference',
    '',
    'Generated from `shared/contract` by `npm run docs`; do not edit by hand. Every method is reachable through',
    'the Electron bridge (`window.lms`), the HTTP loopback transport (`POST /api/<method>`) and `lms call`.',
    '',
    '| method | access | kind | description |',
    '| --- | --- | --- | --- |',
    ...methodNames.map(
      (m) => `| \`${m}\` | ${contract[m].access} | ${contract[m].kind} | ${contract[m].description} |`,
    ),
    '',
  ];
  for (const m of methodNames) {
    const spec = contract[m];
    lines.push(
      `## \`${m}\``,
      '',
      spec.description,
      '',
      `Access: **${spec.access}** · ${spec.kind}`,
      '',
      'Input:',
      '',
      '```json',
      jsonSchema(spec.input, 'input'),
      '```',
      '',
      'Output:',
      '',
      '```json',
      jsonSchema(spec.output, 'output'),
      '```',
      '',
    );
  }
  return lines.join('\n');
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

interface ForeignKey {
  table: string;
  from: string;
  to: string;
}

export function schemaReference(): string {
  const sqlite = openSqlite(':memory:');
  migrate(sqlite);
  const tables = (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  const lines = [
    '# Ledger schema',
    '',
    'Generated from the migrated ledger by `npm run docs`; do not edit by hand.',
    '',
    '```mermaid',
    'erDiagram',
  ];
  const relations: string[] = [];
  const sections: string[] = [];
  for (const table of tables) {
    const columns = sqlite.prepare(`PRAGMA table_info(${table})`).all() as Column[];
    const keys = sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all() as ForeignKey[];
    lines.push(`  ${table} {`);
    for (const c of columns) {
      const tag = c.pk ? ' PK' : keys.some((k) => k.from === c.name) ? ' FK' : '';
      lines.push(`    ${(c.type || 'ANY').toLowerCase()} ${c.name}${tag}`);
    }
    lines.push('  }');
    for (const k of keys) relations.push(`  ${k.table} ||--o{ ${table} : "${k.from}"`);
    sections.push(
      `## ${table}`,
      '',
      '| column | type | required | key |',
      '| --- | --- | --- | --- |',
      ...columns.map((c) => {
        const fk = keys.find((k) => k.from === c.name);
        const key = c.pk ? 'primary' : fk ? `→ ${fk.table}.${fk.to}` : '';
        return `| ${c.name} | ${c.type || 'ANY'} | ${c.notnull || c.pk ? 'yes' : 'no'} | ${key} |`;
      }),
      '',
    );
  }
  sqlite.close();
  lines.push(...relations, '```', '', ...sections);
  return lines.join('\n');
}

export async function generateDocs(check: boolean, io: Io): Promise<number> {
  const files = { 'api.md': apiReference(), 'schema.md': schemaReference() };
  const stale: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(docsDir, name);
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(path);
    } else {
      mkdirSync(docsDir, { recursive: true });
      writeFileSync(path, text);
    }
  }
  if (stale.length > 0) {
    io.stderr(`Out of date: ${stale.join(', ')}. Run \`npm run docs\` and commit the result.`);
    return 1;
  }
  io.stdout(
    check
      ? 'docs/ is up to date'
      : `wrote ${Object.keys(files)
          .map((f) => join(docsDir, f))
          .join(', ')}`,
  );
  return 0;
}
