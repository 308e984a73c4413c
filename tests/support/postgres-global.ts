import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's address; each test file makes its own database in it (tests/support/databases.ts). */
    postgresUrl: string;
  }
}

/** One PostgreSQL cluster for the whole run, started before the first test file and stopped after the last. */
export default async function setup(project: TestProject): Promise<() => void> {
  const postgres = await startTestPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.destroy();
}
