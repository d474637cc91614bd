import type { ReactNode } from 'react'

type Props = {
  title: ReactNode
  /** What the closed fold still says on its heading line: enough to tell whether to open it. */
  summary?: ReactNode
  open?: boolean
  onToggle?: (open: boolean) => void
  testId?: string
  id?: string
  className?: string
  children: ReactNode
} & { [data: `data-${string}`]: string | number | undefined }

/**
 * A card folded to its heading line. The run page folds what is looked up rather than read each
 * time (the gates, the history, the brief's own risks), and what the viewer has no part in, so the
 * draft and the decision stay within a screen or two of each other.
 */
export function Fold({ title, summary, open, onToggle, testId, id, className, children, ...data }: Props) {
  return (
    <details
      className={className ? `card fold ${className}` : 'card fold'}
      open={open}
      onToggle={onToggle && ((e) => onToggle(e.currentTarget.open))}
      data-testid={testId}
      id={id}
      {...data}
    >
      <summary>
        <h2>{title}</h2>
        {summary}
      </summary>
      {children}
    </details>
  )
}
