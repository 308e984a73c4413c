/**
 * The engine version in assembly/thumbnail/index.ts (ENGINE_VERSION), known without loading the
 * module so a page can build cache keys before any worker starts. A unit test keeps them equal.
 */
export const THUMBNAIL_ENGINE_VERSION = 2;
