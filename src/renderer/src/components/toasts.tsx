import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { keepUnitsTogether } from '../../../shared/durations';

interface Toast {
  id: number;
  text: string;
  kind: 'ok' | 'error';
}

/** At most this many at once; a fourth pushes the oldest out. */
const shownAtOnce = 3;
const shownForMs = 6000;

const ToastContext = createContext<(text: string, kind?: Toast['kind']) => void>(() => undefined);

/**
 * Which edge the stack sits on: the one away from the control that raised the toast, so the
 * answer never covers the button that was just pressed (a Copy at the bottom of a long page).
 */
function edgeAwayFromFocus(): 'top' | 'bottom' {
  const control = document.activeElement;
  if (!(control instanceof HTMLElement) || control === document.body) return 'bottom';
  const box = control.getBoundingClientRect();
  return box.top + box.height / 2 > window.innerHeight / 2 ? 'top' : 'bottom';
}

/** Short confirmations ("JWT copied; clipboard clears in 30 s") in a polite live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [edge, setEdge] = useState<'top' | 'bottom'>('bottom');
  const show = useCallback((text: string, kind: Toast['kind'] = 'ok') => {
    const id = Date.now() + Math.random();
    setEdge(edgeAwayFromFocus());
    setToasts((list) => [...list.slice(1 - shownAtOnce), { id, text, kind }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), shownForMs);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        className={`toasts toasts--${edge}`}
        role="status"
        aria-live="polite"
        data-testid="toasts"
      >
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast--${t.kind}`}>
            {keepUnitsTogether(t.text)}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
