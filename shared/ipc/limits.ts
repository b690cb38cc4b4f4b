/**
 * The sizes the IPC contract bounds, apart from its schemas: the renderer needs the numbers at
 * start-up (chunking a file, wording a too-large error) without loading every channel's schema.
 */

/** 64 MiB of text is far above any realistic backup or export and stops runaway payloads. */
export const MAX_FILE_TEXT = 64 * 1024 * 1024;

/**
 * One slice of a chunked transfer. 8 Mi characters keeps every message far below Electron's
 * structured-clone limits while a 300 MB backup still needs only a few dozen round trips.
 */
export const CHUNK_CHARS = 8 * 1024 * 1024;

/** The most a chunked channel moves in one file: bytes on disk, UTF-8. */
export const MAX_STREAMED_BYTES = 1024 * 1024 * 1024;
