-- 014: a review that runs past its due date is said out loud (issue 18, item 1): its reviewers are
-- told it is overdue, and the role the policy escalates it to is told it is theirs now. One event
-- of each per gate (`gate.overdue:<gate>`, `gate.escalated:<gate>`), written by whichever worker
-- sweeps first; the outbox of 010/012 sends them.

alter table events drop constraint events_type_check;
alter table events add constraint events_type_check check (type in (
  'content.approved', 'gate.opened', 'gate.assigned', 'changes.requested', 'run.approved', 'run.rejected', 'comment.mention',
  'gate.overdue', 'gate.escalated'));
create index gates_overdue_idx on gates (due_at) where status = 'open';

-- A due date, once a gate has one, is never pushed later or taken away: an overdue review cannot
-- be hidden by moving its deadline (it is set when the gate opens, by the SLA of its policy).
create function gates_due_guard() returns trigger language plpgsql as $$
begin
  if old.due_at is not null and (new.due_at is null or new.due_at > old.due_at) then
    raise exception 'gate %: its due date is never moved later', old.id using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;
create trigger gates_due_guard before update of due_at on gates for each row execute function gates_due_guard();
alter table gates enable always trigger gates_due_guard;
