import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

// What prints: its children, in a .print-sheet placed straight under <body>, outside the app's
// root. styles.css hides the sheet on screen and, in print, everything but the sheet, so the
// printout is the document alone, with no bars, buttons or the screen's colours. Render one at a
// time: the print CSS prints every sheet on the page.
export const PrintSheet = ({ children }: { children: ReactNode }) =>
  createPortal(<div className="print-sheet">{children}</div>, document.body);
