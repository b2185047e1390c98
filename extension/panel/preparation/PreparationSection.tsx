import type { ReactNode } from 'react';
import { HOST } from '../hostClasses';

/** One part of the case, headed like the host's panel sections. */
export function PreparationSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section data-testid={testId}>
      <div className={HOST.sectionHeader}>
        <span>{title}</span>
      </div>
      <div className="ohif-teaching__stage">{children}</div>
    </section>
  );
}
