import type { ReactNode } from 'react';
import { useFocusOnMount } from './useFocusOnMount';

interface TopTitleProps {
  /** The screen's title (its `<h1>`, which takes the focus when the screen appears). */
  children: ReactNode;
  /** Beside the title: the file shown, or « Lecture seule ». */
  file?: ReactNode;
  /** The file's full path, as a tooltip. */
  path?: string;
}

/** The left of a screen's top bar: « Pilier », the screen's title, and what is open. */
export function TopTitle({ children, file, path }: TopTitleProps) {
  const title = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="top-title">
      <span className="app-name" aria-hidden="true">
        Pilier
      </span>
      <h1 ref={title} tabIndex={-1}>
        {children}
      </h1>
      {file !== undefined && (
        <span className="file-name" title={path}>
          {file}
        </span>
      )}
    </div>
  );
}
