/**
 * The one typed IPC contract between the renderer and the main process.
 * Each invoke channel names a request schema and a response schema; main validates every
 * request against it before acting, and the renderer's platform module is typed from it.
 */
import { z } from 'zod';
import type { EventChannel, InvokeChannel } from './channels';

export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** An in-app route such as "/debts/abc": hash-router paths only, never a URL. */
export const RouteSchema = z
  .string()
  .max(300)
  .regex(/^\/(?!\/)[A-Za-z0-9/_\-?=&.%]*$/, 'route must be an in-app path');

const FileExtensionSchema = z.string().regex(/^[a-z0-9]{1,10}$/);

/** 64 MiB of text is far above any realistic backup or export and stops runaway payloads. */
const MAX_FILE_TEXT = 64 * 1024 * 1024;

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
        suggestedName: z
          .string()
          .min(1)
          .max(200)
          .refine((name) => !/[/\\:*?"<>|]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 32), {
            message: 'file name must not contain path separators or control characters',
          }),
        content: z.string().max(MAX_FILE_TEXT),
        extensions: z.array(FileExtensionSchema).max(10),
      })
      .strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().optional() }),
  },
  'file:open': {
    request: z.object({ extensions: z.array(FileExtensionSchema).max(10) }).strict(),
    response: z.union([
      z.object({ canceled: z.literal(true) }),
      z.object({ canceled: z.literal(false), fileName: z.string(), content: z.string() }),
    ]),
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
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  'app:navigate': z.object({ route: RouteSchema }).strict(),
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
