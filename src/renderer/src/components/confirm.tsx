import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';

interface Question {
  text: string;
  confirmLabel: string;
  resolve: (yes: boolean) => void;
}

type Ask = (text: string, confirmLabel?: string) => Promise<boolean>;

const ConfirmContext = createContext<Ask>(() => Promise.resolve(false));

/**
 * Confirmations as a modal dialog instead of window.confirm, labelled by its question; Escape or
 * Cancel says no.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [question, setQuestion] = useState<Question | null>(null);

  const ask = useCallback<Ask>(
    (text, confirmLabel = 'Remove') =>
      new Promise<boolean>((resolve) => setQuestion({ text, confirmLabel, resolve })),
    [],
  );

  function answer(yes: boolean) {
    question?.resolve(yes);
    setQuestion(null);
  }

  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {question ? (
        <ModalDialog className="dialog" labelledBy="confirm-question" onClose={() => answer(false)}>
          <p id="confirm-question">{question.text}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => answer(false)}>
              Cancel
            </button>
            <button type="button" className="button button--danger" onClick={() => answer(true)}>
              {question.confirmLabel}
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </ConfirmContext.Provider>
  );
}

export const useConfirm = () => useContext(ConfirmContext);
