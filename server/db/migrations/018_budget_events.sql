-- 018: a monthly AI budget nearly spent, or spent (issue 18, item 1): the writer whose run crossed
-- it and the CMOs learn of it, once per budget and month (the event id names both).
alter table events drop constraint events_type_check;
alter table events add constraint events_type_check check (type in (
  'content.approved', 'gate.opened', 'gate.assigned', 'changes.requested', 'run.approved', 'run.rejected',
  'comment.mention', 'gate.overdue', 'gate.escalated', 'budget.warning', 'budget.spent'));
