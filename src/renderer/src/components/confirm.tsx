import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';

interface Question {
  text: string;
  confirmLabel: string;
  resolve: (yes: boolean) => void;
}

type Ask = (text: string, confirmLabel?: string) => Promise<boolean>;

const ConfirmContext = createContext<Ask>(() => Promise.resolve(false));

/**
 * Confirmations as a modal dialog instead of window.confirm: labelled by its question, the rest of
 * the page inert while it is open (focus stays inside), Escape or Cancel says no, and the focus
 * goes back to the control that asked.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [question, setQuestion] = useState<Question | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  const ask = useCallback<Ask>(
    (text, confirmLabel = 'Remove') =>
      new Promise<boolean>((resolve) => {
        returnTo.current = document.activeElement as HTMLElement | null;
        setQuestion({ text, confirmLabel, resolve });
      }),
    [],
  );

  useEffect(() => {
    if (question && !dialog.current?.open) dialog.current?.showModal();
  }, [question]);

  function answer(yes: boolean) {
    question?.resolve(yes);
    dialog.current?.close();
    setQuestion(null);
    returnTo.current?.focus();
  }

  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {question ? (
        <dialog
          ref={dialog}
          className="confirm"
          aria-labelledby="confirm-question"
          onCancel={(event) => {
            event.preventDefault();
            answer(false);
          }}
        >
          <p id="confirm-question">{question.text}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => answer(false)}>
              Cancel
            </button>
            <button type="button" className="button button--danger" onClick={() => answer(true)}>
              {question.confirmLabel}
            </button>
          </div>
        </dialog>
      ) : null}
    </ConfirmContext.Provider>
  );
}

export const useConfirm = () => useContext(ConfirmContext);
