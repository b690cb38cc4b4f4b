/**
 * One undo at a time for destructive actions (deleting a debt, a policy, an account, an import):
 * a toast with the action's message and Undo, visible for some seconds, across page changes.
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
}

const UndoContext = createContext<UndoValue>({ offer: () => undefined });

export function useUndo(): UndoValue {
  return useContext(UndoContext);
}

export function UndoProvider(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<Offer | null>(null);
  const [undone, setUndone] = useState(false);
  const offer = useCallback((message: string, undo: () => Promise<void>) => {
    setUndone(false);
    setCurrent({ id: Date.now(), message, undo });
  }, []);
  useEffect(() => {
    if (!current) return undefined;
    const timer = setTimeout(() => setCurrent(null), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [current]);
  const value = useMemo(() => ({ offer }), [offer]);
  return (
    <UndoContext.Provider value={value}>
      {props.children}
      {current ? (
        <div className="toast" role="status">
          <span>{undone ? t('undo.done') : current.message}</span>
          {!undone ? (
            <button
              type="button"
              onClick={() => {
                setUndone(true);
                void current.undo();
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
