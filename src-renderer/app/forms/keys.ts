// Keyboard shortcuts of a form's text boxes: Ctrl+Enter (Cmd+Enter) saves where a newline is text.
import type { KeyboardEvent } from 'react';

/** An onKeyDown for a textarea: Ctrl+Enter runs `submit` (a form's handleSubmit). */
export function ctrlEnterTo(submit: () => unknown) {
  return (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  };
}
