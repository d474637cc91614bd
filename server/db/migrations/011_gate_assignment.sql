-- 011: reviews are claimed, assigned and reassigned within their role (issue 18, item 4).
--
-- Until now a gate's assignee was part of its rule, fixed when it was planned. From here:
--   * an owner the policy names (the fact-check owner of a brief) stays fixed: `owner_named`;
--   * any other gate waiting for review (pending or open) can be claimed, assigned or released.
--     Every assignment names who made it (`assigned_by`, at `assigned_at`, set here) and is
--     checked here, as decisions are: the person assigning holds the gate's role (or is an
--     admin) and is not the author of the run; the assignee is active, holds the gate's role,
--     is not the author, and, when the policy wants different people for a draft's gates, has
--     not passed another gate of the draft nor holds one still to be decided;
--   * a decision and an assignment never travel together; a decided gate is not reassigned.

alter table gates add column owner_named boolean not null default false;
alter table gates add column assigned_by uuid references users (id);
alter table gates add column assigned_at timestamptz;
-- every assignee so far came from the policy, through the planner
update gates set owner_named = true where assignee_id is not null;
create index gates_assignee_idx on gates (assignee_id) where status in ('pending', 'open');

create function gates_check_assignment() returns trigger language plpgsql as $$
declare
  author uuid;
  distinct_people boolean;
  actor_roles text[];
  assignee_roles text[];
begin
  if new.assignee_id is not distinct from old.assignee_id then
    if (new.assigned_by, new.assigned_at) is distinct from (old.assigned_by, old.assigned_at) then
      raise exception 'gate %: who assigned it is written only with an assignment', old.id using errcode = 'check_violation';
    end if;
    return new;
  end if;
  if old.owner_named then
    raise exception 'gate %: its owner is named by the policy and fixed when it is planned', old.id
      using errcode = 'insufficient_privilege';
  end if;
  if old.status not in ('pending', 'open') or new.status is distinct from old.status then
    raise exception 'gate % is %: only a gate waiting for review is assigned, and never with a decision', old.id, old.status
      using errcode = 'check_violation';
  end if;
  -- who makes it is written with it, and its time is the database's: the writer sets assigned_at
  -- to null, so an update that leaves the last assigner on record is refused
  if new.assigned_by is null or new.assigned_at is not null then
    raise exception 'gate %: an assignment names who made it (and leaves its time to the database)', old.id
      using errcode = 'check_violation';
  end if;
  -- the run locked, as the app does, so two assignments of one draft cannot both pass the rule below
  select author_id, distinct_reviewers into author, distinct_people from runs where id = new.run_id for update;
  select roles into actor_roles from users where id = new.assigned_by and disabled_at is null;
  if actor_roles is null or not (new.role = any (actor_roles) or 'admin' = any (actor_roles)) then
    raise exception 'gate % is assigned only by someone holding role % (or an admin)', old.id, new.role using errcode = 'check_violation';
  end if;
  if new.assigned_by = author then
    raise exception 'the author of run % cannot assign its reviews', new.run_id using errcode = 'check_violation';
  end if;
  if new.assignee_id is not null then
    if new.assignee_id = author then
      raise exception 'the author of run % cannot review it', new.run_id using errcode = 'check_violation';
    end if;
    select roles into assignee_roles from users where id = new.assignee_id and disabled_at is null;
    if assignee_roles is null or not (new.role = any (assignee_roles)) then
      raise exception 'gate % needs role %: its assignee must hold it', old.id, new.role using errcode = 'check_violation';
    end if;
    if distinct_people and exists (select 1 from gates g where g.run_id = new.run_id and g.draft_version = new.draft_version
        and g.id <> new.id and ((g.decided_by = new.assignee_id and g.status in ('passed', 'waived'))
          or (g.assignee_id = new.assignee_id and g.status in ('pending', 'open')))) then
      raise exception 'the policy requires different people for the gates of draft %', new.draft_version using errcode = 'check_violation';
    end if;
  end if;
  new.assigned_at := now();
  return new;
end $$;
create trigger gates_check_assignment before update on gates
  for each row execute function gates_check_assignment();
alter table gates enable always trigger gates_check_assignment;

-- The guard of 006 with the assignee out of the fixed rule (gates_check_assignment decides who
-- may change it) and `owner_named` in it; a gate is planned unassigned by anyone.
create or replace function gates_guard() returns trigger language plpgsql as $$
declare
  run_status text;
begin
  if tg_op = 'DELETE' then
    raise exception 'gate % cannot be deleted: gates are the record of the review', old.id using errcode = 'insufficient_privilege';
  end if;
  select status into run_status from runs where id = new.run_id;
  if tg_op = 'INSERT' then
    if new.status <> 'pending' or new.decided_by is not null or new.decided_at is not null
       or new.opened_at is not null or new.due_at is not null or new.comment is not null
       or new.assigned_by is not null or new.assigned_at is not null then
      raise exception 'a gate is created pending, undecided and unassigned by anyone (gate % of run %)', new.gate, new.run_id
        using errcode = 'check_violation';
    end if;
    if run_status in ('approved', 'rejected') then
      raise exception 'run % is %: no gate can be added', new.run_id, run_status using errcode = 'check_violation';
    end if;
    if not exists (select 1 from drafts where run_id = new.run_id and version = new.draft_version) then
      raise exception 'run % has no draft %: gates are planned for a draft', new.run_id, new.draft_version using errcode = 'check_violation';
    end if;
    if exists (select 1 from gates where run_id = new.run_id and draft_version = new.draft_version and status <> 'pending') then
      raise exception 'the review of draft % of run % has started: its gate plan is fixed', new.draft_version, new.run_id using errcode = 'check_violation';
    end if;
    -- an assignee at planning is the owner the policy names
    new.owner_named := new.assignee_id is not null;
    new.created_at := now();
    return new;
  end if;

  if (new.id, new.run_id, new.draft_version, new.position, new.gate, new.role, new.owner_named,
      new.sla_business_days, new.waivable_by, new.escalate_to, new.created_at)
     is distinct from (old.id, old.run_id, old.draft_version, old.position, old.gate, old.role, old.owner_named,
      old.sla_business_days, old.waivable_by, old.escalate_to, old.created_at) then
    raise exception 'gate %: its rule (role, named owner, waivers, position, draft) is fixed when it is planned', old.id
      using errcode = 'insufficient_privilege';
  end if;
  if new.status is distinct from old.status and not (
       (old.status = 'pending' and new.status in ('open', 'superseded'))
    or (old.status = 'open' and new.status in ('passed', 'waived', 'changes_requested', 'rejected', 'superseded'))
    or (old.status in ('passed', 'waived') and new.status = 'superseded')) then
    raise exception 'gate % cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
  end if;
  if old.opened_at is not null and new.opened_at is distinct from old.opened_at then
    raise exception 'gate %: the time it opened is history', old.id using errcode = 'insufficient_privilege';
  end if;
  if old.status = 'pending' and new.status = 'open' then
    new.opened_at := now();
  end if;
  if old.decided_by is not null or old.decided_at is not null then
    if (new.decided_by, new.decided_at, new.comment) is distinct from (old.decided_by, old.decided_at, old.comment) then
      raise exception 'gate %: a decision is history and cannot be rewritten', old.id using errcode = 'insufficient_privilege';
    end if;
  elsif old.status = 'open' and new.status in ('passed', 'waived', 'changes_requested', 'rejected') then
    new.decided_at := now();
  elsif new.decided_by is not null or new.decided_at is not null or new.comment is distinct from old.comment then
    raise exception 'gate %: decision fields are written only with a decision', old.id using errcode = 'check_violation';
  end if;
  return new;
end $$;
