/** The events of the review that people are told of (the outbox's other kind is content.approved). */
export type ReviewEventType =
  | 'gate.opened'
  | 'gate.assigned'
  | 'changes.requested'
  | 'run.approved'
  | 'run.rejected'
  | 'comment.mention'
  | 'gate.overdue'
  | 'gate.escalated'
  | 'budget.warning'
  | 'budget.spent'
