/**
 * One undo at a time for destructive actions (every delete, through useDeleteWithUndo; taking back
 * an import): a toast with the action's message and Undo, visible for some seconds, across page changes.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const VISIBLE_MS = 12_000;

interface Offer {
  id: number;
  message: string;
  undo(): Promise<void>;
}

interface UndoValue {
  offer(message: string, undo: () => Promise<void>): void;
  /** Drops the offer: after a restore or a sample load the old rows must not come back. */
  clear(): void;
}

const UndoContext = createContext<UndoValue>({ offer: () => undefined, clear: () => undefined });

export function useUndo(): UndoValue {
  return useContext(UndoContext);
}

export function UndoProvider(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<Offer | null>(null);
  const [undone, setUndone] = useState<'no' | 'yes' | 'failed'>('no');
  const offer = useCallback((message: string, undo: () => Promise<void>) => {
    setUndone('no');
    setCurrent({ id: Date.now(), message, undo });
  }, []);
  const clear = useCallback(() => setCurrent(null), []);
  useEffect(() => {
    if (!current) return undefined;
    const timer = setTimeout(() => setCurrent(null), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [current]);
  const value = useMemo(() => ({ offer, clear }), [offer, clear]);
  return (
    <UndoContext.Provider value={value}>
      {props.children}
      {current ? (
        <div className="toast" role="status">
          <span>{undone === 'yes' ? t('undo.done') : undone === 'failed' ? t('undo.failed') : current.message}</span>
          {undone === 'no' ? (
            <button
              type="button"
              onClick={() => {
                setUndone('yes');
                current.undo().catch(() => setUndone('failed'));
              }}
            >
              {t('common.undo')}
            </button>
          ) : null}
        </div>
      ) : null}
    </UndoContext.Provider>
  );
}
