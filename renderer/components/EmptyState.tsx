import type { ReactNode } from 'react';

/** What a page will show and how to get it there, with the action that does it. */
export function EmptyState(props: { title: string; description: string; children?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={props.title}>
      <h2>{props.title}</h2>
      <p>{props.description}</p>
      {props.children ? <div className="empty-state-actions">{props.children}</div> : null}
    </section>
  );
}
