/**
 * The one typed IPC contract between the renderer and the main process.
 * Each invoke channel names a request schema and a response schema; main validates every
 * request against it before acting, and the renderer's platform module is typed from it.
 */
import { z } from 'zod';
import { InstantSchema, IsoDateSchema } from '../domain/primitives';
import { MAX_DELIVERED_LOG, MAX_PLAN_REMINDERS, MAX_REMINDER_BODY, MAX_REMINDER_TITLE } from '../reminders/limits';
import type { EventChannel, InvokeChannel } from './channels';
import { CHUNK_CHARS, MAX_FILE_TEXT, MAX_STREAMED_BYTES } from './limits';

export { CHUNK_CHARS, MAX_FILE_TEXT, MAX_STREAMED_BYTES } from './limits';

export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** An in-app route such as "/debts/abc": hash-router paths only, never a URL. */
export const RouteSchema = z
  .string()
  .max(300)
  .regex(/^\/(?!\/)[A-Za-z0-9/_\-?=&.%]*$/, 'route must be an in-app path');

const FileExtensionSchema = z.string().regex(/^[a-z0-9]{1,10}$/);

/** Chunks of one transfer are numbered from 0; the bound only keeps the number finite. */
const ChunkIndexSchema = z.number().int().min(0).max(1_000_000);
const ChunkTextSchema = z.string().max(CHUNK_CHARS);
const ChunkOffsetSchema = z.number().int().min(0).max(MAX_STREAMED_BYTES);
const ChunkLengthSchema = z.number().int().min(1).max(CHUNK_CHARS);
/** A file session's token: crypto.randomUUID() in the main process. */
const FileSessionTokenSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a session token');

/** A name for the save dialog: no path separators, no control characters. */
const SuggestedFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 32), {
    message: 'file name must not contain path separators or control characters',
  });

const ReminderKeySchema = z.string().min(1).max(200);

/** One reminder of the plan the renderer computes (shared/reminders/plan.ts). */
export const PlannedReminderSchema = z
  .object({
    key: ReminderKeySchema,
    dueKey: z.string().min(1).max(200),
    fireAt: InstantSchema,
    kind: z.enum(['upcoming', 'due-today', 'overdue']),
    daysBefore: z.number().int().min(-366).max(366),
    dueDate: IsoDateSchema,
    title: z.string().min(1).max(MAX_REMINDER_TITLE),
    body: z.string().max(MAX_REMINDER_BODY),
    route: RouteSchema,
  })
  .strict();

/** A due shown in the tray menu and its tooltip. */
export const TrayDueSchema = z
  .object({ label: z.string().min(1).max(200), route: RouteSchema })
  .strict();

/** What the main process has delivered, for the in-app reminder centre. */
export const DeliveredReminderSchema = z
  .object({
    key: ReminderKeySchema,
    deliveredAt: InstantSchema,
    title: z.string().max(200),
    body: z.string().max(2000),
    route: RouteSchema,
    /** Delivered as part of a catch-up digest rather than on its own. */
    digest: z.boolean(),
  })
  .strict();

/** Texts the main process needs in the user's language (digests, actions, tray). */
export const ReminderTextsSchema = z
  .object({
    /** "{{count}} payments due: {{list}}"; the list is the titles joined. */
    digestTitle: z.string().min(1).max(200),
    markPaid: z.string().min(1).max(60),
    remindTomorrow: z.string().min(1).max(60),
    nextDue: z.string().min(1).max(200),
    nothingDue: z.string().min(1).max(200),
    pauseHour: z.string().min(1).max(60),
    pauseTomorrow: z.string().min(1).max(60),
    resume: z.string().min(1).max(60),
    startAtLogin: z.string().min(1).max(60),
  })
  .strict();

/**
 * A backup file name as the main process accepts it: `clearday-….cdbackup` with letters, digits
 * and dashes only, so it can never name a path (no separators, no `..`, no drive letters).
 */
export const BACKUP_FILE_NAME_PATTERN = /^clearday-[A-Za-z0-9-]+\.cdbackup$/;
export const MAX_BACKUP_FILE_NAME = 120;
export const BackupFileNameSchema = z.string().max(MAX_BACKUP_FILE_NAME).regex(BACKUP_FILE_NAME_PATTERN, 'must be a Clearday backup file name');

/** Why a backup is written; only 'before-restore' changes how the file is kept (never rotated). */
export const BackupReasonSchema = z.enum(['daily', 'quit', 'before-restore', 'manual']);
export type BackupReason = z.infer<typeof BackupReasonSchema>;

export const StoredBackupSchema = z
  .object({
    fileName: BackupFileNameSchema,
    createdAt: InstantSchema,
    encrypted: z.boolean(),
    /** A `clearday-before-restore-…` safety copy: listed, never removed by rotation. */
    beforeRestore: z.boolean(),
    size: z.number().int().nonnegative(),
  })
  .strict();

export const ipcContract = {
  'app:getInfo': {
    request: z.undefined(),
    response: z.object({
      version: z.string(),
      platform: z.string(),
      systemLocale: z.string(),
      isDevelopment: z.boolean(),
    }),
  },
  'app:setLanguage': {
    request: z.object({ language: LanguageSchema }).strict(),
    response: z.undefined(),
  },
  'file:save': {
    request: z
      .object({
        suggestedName: SuggestedFileNameSchema,
        content: z.string().max(MAX_FILE_TEXT),
        extensions: z.array(FileExtensionSchema).max(10),
      })
      .strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().optional() }),
  },
  /** A save dialog for a chunked save; the token names the session file:saveChunk fills. */
  'file:saveBegin': {
    request: z.object({ suggestedName: SuggestedFileNameSchema, extensions: z.array(FileExtensionSchema).max(10) }).strict(),
    response: z.union([
      z.object({ canceled: z.literal(true) }).strict(),
      z.object({ canceled: z.literal(false), token: FileSessionTokenSchema, fileName: z.string() }).strict(),
    ]),
  },
  /** Chunks in order from index 0; `saved` is true once the final chunk is renamed into place. */
  'file:saveChunk': {
    request: z.object({ token: FileSessionTokenSchema, index: ChunkIndexSchema, chunk: ChunkTextSchema, final: z.boolean() }).strict(),
    response: z.object({ saved: z.boolean() }).strict(),
  },
  /** An open dialog for a chunked read; `length` counts UTF-16 characters of the decoded text. */
  'file:openBegin': {
    request: z.object({ extensions: z.array(FileExtensionSchema).max(10) }).strict(),
    response: z.union([
      z.object({ canceled: z.literal(true) }).strict(),
      z.object({ canceled: z.literal(false), token: FileSessionTokenSchema, fileName: z.string(), length: z.number().int().nonnegative() }).strict(),
    ]),
  },
  'file:openChunk': {
    request: z.object({ token: FileSessionTokenSchema, offset: ChunkOffsetSchema, length: ChunkLengthSchema }).strict(),
    response: z.object({ chunk: ChunkTextSchema }).strict(),
  },
  'notification:show': {
    request: z
      .object({
        title: z.string().min(1).max(200),
        body: z.string().max(2000),
        route: RouteSchema.optional(),
      })
      .strict(),
    response: z.undefined(),
  },
  /** The renderer hands over the whole plan whenever data, settings or the day change. */
  'reminders:setPlan': {
    request: z
      .object({
        generatedAt: InstantSchema,
        /** The renderer cuts its plan to this bound (shared/reminders/delivery.ts). */
        reminders: z.array(PlannedReminderSchema).max(MAX_PLAN_REMINDERS),
        /** The next dues for the tray menu (at most five) and its tooltip. */
        nextDues: z.array(TrayDueSchema).max(5),
        texts: ReminderTextsSchema,
      })
      .strict(),
    response: z.undefined(),
  },
  'reminders:getState': {
    request: z.undefined(),
    response: z.object({
      delivered: z.array(DeliveredReminderSchema).max(MAX_DELIVERED_LOG),
      pausedUntil: InstantSchema.nullable(),
      startAtLogin: z.boolean(),
      startAtLoginSupported: z.boolean(),
    }),
  },
  /** Pause every notification until an instant, or resume with null. */
  'reminders:pause': {
    request: z.object({ until: InstantSchema.nullable() }).strict(),
    response: z.undefined(),
  },
  'app:setStartAtLogin': {
    request: z.object({ enabled: z.boolean() }).strict(),
    response: z.undefined(),
  },
  /**
   * One slice of a backup (a small one is a single final chunk at index 0). Index 0 starts (or
   * restarts) the write; the final chunk renames it into place and rotates the automatic backups.
   * `removed`: the older backups rotation deleted after the final chunk.
   */
  'backup:writeChunk': {
    request: z
      .object({
        fileName: BackupFileNameSchema,
        reason: BackupReasonSchema,
        index: ChunkIndexSchema,
        chunk: ChunkTextSchema,
        final: z.boolean(),
      })
      .strict(),
    response: z.object({ fileName: BackupFileNameSchema, removed: z.array(BackupFileNameSchema), complete: z.boolean() }).strict(),
  },
  /** The backup folder and the backups in it, newest first. */
  'backup:list': {
    request: z.undefined(),
    response: z
      .object({
        folder: z.string(),
        /** The user chose the folder (rather than the default in userData). */
        custom: z.boolean(),
        /** The chosen folder does not exist now; backups is then empty. */
        missing: z.boolean(),
        backups: z.array(StoredBackupSchema),
      })
      .strict(),
  },
  /** A slice of a backup's decoded text; offset, length and total count UTF-16 characters. */
  'backup:readChunk': {
    request: z.object({ fileName: BackupFileNameSchema, offset: ChunkOffsetSchema, length: ChunkLengthSchema }).strict(),
    response: z.object({ chunk: ChunkTextSchema, total: z.number().int().nonnegative() }).strict(),
  },
  /** A directory picker; the choice is kept for later starts. */
  'backup:chooseFolder': {
    request: z.undefined(),
    response: z.union([z.object({ canceled: z.literal(true) }).strict(), z.object({ canceled: z.literal(false), folder: z.string() }).strict()]),
  },
  /** Back to the default folder, `<userData>/backups`. */
  'backup:resetFolder': {
    request: z.undefined(),
    response: z.object({ folder: z.string() }).strict(),
  },
  /**
   * The renderer's answer to `backup:requested` when it writes nothing (automatic backups off, or
   * making the backup failed): the app quits now instead of waiting for the timeout.
   */
  'backup:quitReady': {
    request: z.undefined(),
    response: z.undefined(),
  },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  'app:navigate': z.object({ route: RouteSchema }).strict(),
  /** A notification action (macOS, Windows) or a tray choice the renderer must carry out. */
  'reminders:action': z.object({ key: ReminderKeySchema, action: z.enum(['mark-paid', 'remind-tomorrow']) }).strict(),
  /** Delivered reminders or the pause changed: the reminder centre reloads its state. */
  'reminders:changed': z.object({}).strict(),
  /** The app is quitting: write a backup with reason 'quit' now (or answer backup:quitReady). */
  'backup:requested': z.object({ reason: z.literal('quit') }).strict(),
} as const satisfies Record<EventChannel, z.ZodType>;

export type IpcRequest<C extends InvokeChannel> = z.input<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends InvokeChannel> = z.output<(typeof ipcContract)[C]['response']>;
export type IpcEventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

/** The object the preload exposes as `window.clearday`. */
export interface ClearDayBridge {
  invoke<C extends InvokeChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
}

export class IpcValidationError extends Error {
  constructor(
    readonly channel: string,
    readonly issues: string[],
  ) {
    super(`Invalid payload on ${channel}: ${issues.join('; ')}`);
    this.name = 'IpcValidationError';
  }
}

/** Parses a request for a channel; throws IpcValidationError on anything that does not fit. */
export function parseRequest<C extends InvokeChannel>(channel: C, payload: unknown): z.output<(typeof ipcContract)[C]['request']> {
  const result = ipcContract[channel].request.safeParse(payload);
  if (!result.success) {
    throw new IpcValidationError(
      channel,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`),
    );
  }
  return result.data as z.output<(typeof ipcContract)[C]['request']>;
}

export function parseResponse<C extends InvokeChannel>(channel: C, payload: unknown): IpcResponse<C> {
  const result = ipcContract[channel].response.safeParse(payload);
  if (!result.success) {
    throw new IpcValidationError(
      channel,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`),
    );
  }
  return result.data as IpcResponse<C>;
}

/**
 * Whether a message really comes from the app's own page: the main frame, at the app's
 * origin (or the fixed dev-server origin in development). Anything else is refused.
 */
export function isTrustedSenderUrl(frameUrl: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (!frameUrl) return false;
  // shared/ has no URL global (no DOM, no Node): take scheme://host[:port] by pattern.
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)/i.exec(frameUrl);
  if (!match || !match[2]) return false;
  const origin = `${match[1]!.toLowerCase()}://${match[2].toLowerCase()}`;
  return allowedOrigins.includes(origin);
}
