import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/domain';
import { useFormat } from '../app/format';
import { useSettings } from '../app/settings-context';
import { useDeleteWithUndo } from '../app/useDeleteWithUndo';

/** The largest file kept: scans and photos of documents fit; whole videos do not. */
export const ATTACHMENT_LIMIT_BYTES = 20 * 1024 * 1024;
const TYPES: Record<string, Attachment['mimeType']> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };

/** The file's type from its name or the browser's guess, or undefined when it is not one we keep. */
export function attachmentType(file: { name: string; type: string }): Attachment['mimeType'] | undefined {
  const byType = Object.values(TYPES).find((mime) => mime === file.type);
  return byType ?? TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''];
}

/**
 * Documents kept with a record (a policy, a claim): PDFs and images stored as bytes in the local
 * database, never uploaded. Adding refuses files that are too big or of another type, and says so
 * when the disk has no room left for them.
 */
export function Attachments(props: { ownerKind: Attachment['ownerKind']; ownerId: string; label: string }) {
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const format = useFormat();
  const deleteWithUndo = useDeleteWithUndo();
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState<{ id: string; url: string } | null>(null);
  const rows = useLiveQuery(() => db.attachments.where('[ownerKind+ownerId]').equals([props.ownerKind, props.ownerId]).toArray(), [db, props.ownerKind, props.ownerId]);
  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview.url);
  }, [preview]);

  // Every chosen file is checked and kept or refused on its own; the messages name each refused one.
  const add = async (files: File[]) => {
    const problems: string[] = [];
    for (const file of files) {
      const mimeType = attachmentType(file);
      if (!mimeType) problems.push(t('attachments.wrongType', { name: file.name }));
      else if (file.size > ATTACHMENT_LIMIT_BYTES) problems.push(t('attachments.tooBig', { name: file.name, limit: format.integer(ATTACHMENT_LIMIT_BYTES / 1024 / 1024) }));
      else if (file.size === 0) problems.push(t('attachments.empty', { name: file.name }));
      else problems.push(...(await keep(file, mimeType)));
    }
    setMessage(problems.join(' '));
  };
  const keep = async (file: File, mimeType: Attachment['mimeType']): Promise<string[]> => {
    // Ask before writing: a full disk would otherwise fail halfway with a storage error.
    const estimate = await navigator.storage?.estimate?.();
    if (estimate?.quota !== undefined && estimate.usage !== undefined && estimate.quota - estimate.usage < file.size * 2) return [t('attachments.noRoom', { name: file.name })];
    try {
      await repositories.attachments.add({ ownerKind: props.ownerKind, ownerId: props.ownerId, fileName: file.name.slice(0, 200), mimeType, size: file.size, data: new Uint8Array(await file.arrayBuffer()) });
      return [];
    } catch (error) {
      // Dexie may wrap the browser's QuotaExceededError in its own AbortError.
      const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { inner?: unknown }).inner ?? '')}` : String(error);
      return [/quota/i.test(text) ? t('attachments.noRoom', { name: file.name }) : t('attachments.failed', { name: file.name, message: error instanceof Error ? error.message : String(error) })];
    }
  };
  const urlOf = (row: Attachment) => URL.createObjectURL(new Blob([row.data.slice()], { type: row.mimeType }));
  const download = (row: Attachment) => {
    const url = urlOf(row);
    const link = document.createElement('a');
    link.href = url;
    link.download = row.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section className="panel" aria-label={props.label}>
      <h2>{props.label}</h2>
      {rows && rows.length > 0 ? (
        <ul className="attachment-list">
          {rows.map((row) => (
            <li key={row.id}>
              <span>
                {row.fileName} <span className="muted">· {t('attachments.size', { size: format.integer(Math.max(1, Math.round(row.size / 1024))) })}</span>
              </span>
              <span className="row-actions">
                {row.mimeType.startsWith('image/') ? (
                  <button type="button" className="secondary" onClick={() => setPreview(preview?.id === row.id ? null : { id: row.id, url: urlOf(row) })} aria-label={t('attachments.showNamed', { name: row.fileName })}>
                    {preview?.id === row.id ? t('attachments.hide') : t('attachments.show')}
                  </button>
                ) : null}
                <button type="button" className="secondary" onClick={() => download(row)} aria-label={t('attachments.saveNamed', { name: row.fileName })}>
                  {t('attachments.save')}
                </button>
                <button type="button" className="secondary" onClick={() => void deleteWithUndo({ kind: 'attachment', id: row.id }, t('undo.deletedAttachment', { name: row.fileName }))} aria-label={t('attachments.deleteNamed', { name: row.fileName })}>
                  {t('common.delete')}
                </button>
              </span>
              {preview?.id === row.id ? <img className="attachment-preview" src={preview.url} alt={row.fileName} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('attachments.none')}</p>
      )}
      <div className="file-picker">
        <input id={`attach-${props.ownerKind}-${props.ownerId}`} className="file-input" type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.webp" onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Cleared, so choosing the same file again (after freeing space) is noticed.
            event.target.value = '';
            void add(files);
          }}
        />
        <label htmlFor={`attach-${props.ownerKind}-${props.ownerId}`} className="button secondary">
          {t('attachments.add')}
        </label>
        <span className="field-hint">{t('attachments.hint', { limit: format.integer(ATTACHMENT_LIMIT_BYTES / 1024 / 1024) })}</span>
      </div>
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}
