-- 006: the database as the last line. Until now the triggers checked the row being written,
-- not the rule stored when the gate was planned, and the app connected as the owner of the
-- tables, who can disable triggers or set session_replication_role. From here:
--   * the app runs as `copydesk_app`, a role that owns nothing and holds only the privileges
--     below (no DELETE of gates, runs, drafts, claims, decisions or audit rows; rollups and the
--     search index are written only by SECURITY DEFINER trigger functions);
--   * a gate's rule (run, draft, position, gate, role, assignee, waivers, SLA, escalation) is
--     fixed when it is planned; gates are created pending and never deleted; each status change
--     follows the lifecycle; a decision needs its gate_decisions row in the same transaction;
--   * approved and rejected runs, and the drafts and claims under them, are frozen;
--   * times that prove something (audit `at`, decisions, approval) are set by the database;
--   * every guard trigger is ENABLE ALWAYS, so replica mode does not switch it off.

-- The role. Creating it needs CREATEROLE; a DBA who created it beforehand is also fine.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'copydesk_app') then
    create role copydesk_app nologin;
  end if;
exception
  when duplicate_object or unique_violation then null; -- another database's migration made it just now
  when insufficient_privilege then
    raise exception 'role copydesk_app does not exist and this user may not create it: run "create role copydesk_app nologin" as a superuser (README: two roles)';
end $$;

revoke all on all tables in schema public from public;
revoke all on all tables in schema public from copydesk_app;
grant usage on schema public to copydesk_app;
grant select on schema_migrations to copydesk_app;
grant select, insert, update on users to copydesk_app;
grant select, insert, update, delete on sessions to copydesk_app;
grant select, insert, update on briefs to copydesk_app;
grant select, insert, update on runs to copydesk_app;
grant select, insert, update on drafts to copydesk_app;
grant select, insert, update on claims to copydesk_app;
grant select, insert on policy_versions to copydesk_app;
grant select, insert, update on gates to copydesk_app;
grant select, insert on gate_decisions to copydesk_app;
grant select, insert, update on jobs to copydesk_app;
grant select, insert, update, delete on lg_checkpoints, lg_writes to copydesk_app;
grant select, insert on prompt_versions to copydesk_app;
grant select, insert on audit_log to copydesk_app;
grant select on ai_usage_daily, run_stats_daily, gate_stats_daily, policy_events_daily, kb_search to copydesk_app;
grant select, insert, update, delete on result_ratings, result_tags to copydesk_app;
grant usage, select on all sequences in schema public to copydesk_app;

-- Rollups and the search index are kept by triggers that run as their owner, so the app can
-- read them but not forge them. Their helpers are not callable directly.
alter function audit_log_count_usage() security definer set search_path = public, pg_temp;
alter function runs_set_team() security definer set search_path = public, pg_temp;
alter function runs_count_stats() security definer set search_path = public, pg_temp;
alter function gates_count_stats() security definer set search_path = public, pg_temp;
alter function audit_log_count_events() security definer set search_path = public, pg_temp;
alter function gate_decisions_count() security definer set search_path = public, pg_temp;
alter function drafts_count_categories() security definer set search_path = public, pg_temp;
alter function runs_kb_search() security definer set search_path = public, pg_temp;
alter function drafts_kb_search() security definer set search_path = public, pg_temp;
revoke execute on function run_stats_add(runs, int), policy_event(timestamptz, uuid, uuid, text, text, bigint),
  kb_search_refresh(uuid) from public;

-- Gates: created pending by the planner before the draft's review starts; the rule is fixed;
-- status moves only forward; decision fields are written once, with the decision, at now().
create function gates_guard() returns trigger language plpgsql as $$
declare
  run_status text;
begin
  if tg_op = 'DELETE' then
    raise exception 'gate % cannot be deleted: gates are the record of the review', old.id using errcode = 'insufficient_privilege';
  end if;
  select status into run_status from runs where id = new.run_id;
  if tg_op = 'INSERT' then
    if new.status <> 'pending' or new.decided_by is not null or new.decided_at is not null
       or new.opened_at is not null or new.due_at is not null or new.comment is not null then
      raise exception 'a gate is created pending and undecided (gate % of run %)', new.gate, new.run_id using errcode = 'check_violation';
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
    new.created_at := now();
    return new;
  end if;

  if (new.id, new.run_id, new.draft_version, new.position, new.gate, new.role, new.assignee_id,
      new.sla_business_days, new.waivable_by, new.escalate_to, new.created_at)
     is distinct from (old.id, old.run_id, old.draft_version, old.position, old.gate, old.role, old.assignee_id,
      old.sla_business_days, old.waivable_by, old.escalate_to, old.created_at) then
    raise exception 'gate %: its rule (role, assignee, waivers, position, draft) is fixed when it is planned', old.id
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
create trigger gates_guard before insert or update or delete on gates
  for each row execute function gates_guard();

-- A gate decided without its gate_decisions row (or a decision row with no gate decided) is
-- refused at commit: the history and the gate can never disagree.
create function gate_decision_of(status text) returns text language sql immutable as $$
  select case status when 'passed' then 'pass' when 'waived' then 'waive'
    when 'changes_requested' then 'request_changes' when 'rejected' then 'reject' end
$$;

create function gates_need_decision() returns trigger language plpgsql as $$
begin
  if old.status = 'open' and new.status in ('passed', 'waived', 'changes_requested', 'rejected')
     and not exists (select 1 from gate_decisions d where d.gate_id = new.id and d.run_id = new.run_id
       and d.decided_by = new.decided_by and d.decision = gate_decision_of(new.status) and d.decided_at = now()) then
    raise exception 'gate % was decided without its gate_decisions row', new.id using errcode = 'check_violation';
  end if;
  return null;
end $$;
create constraint trigger gates_need_decision after update on gates
  deferrable initially deferred for each row execute function gates_need_decision();

create function gate_decisions_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    raise exception 'gate_decisions is append-only: % rejected', tg_op using errcode = 'insufficient_privilege';
  end if;
  new.decided_at := now();
  return new;
end $$;
create trigger gate_decisions_guard before insert or update or delete on gate_decisions
  for each row execute function gate_decisions_guard();
create trigger gate_decisions_no_truncate before truncate on gate_decisions
  for each statement execute function audit_log_append_only();

create function gate_decisions_need_gate() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from gates g where g.id = new.gate_id and g.run_id = new.run_id
       and g.decided_by = new.decided_by and g.decided_at = now()
       and gate_decision_of(g.status) is not distinct from new.decision) then
    raise exception 'decision % names gate % but that gate was not decided so in this transaction', new.id, new.gate_id
      using errcode = 'check_violation';
  end if;
  return null;
end $$;
create constraint trigger gate_decisions_need_gate after insert on gate_decisions
  deferrable initially deferred for each row execute function gate_decisions_need_gate();

-- Runs: created queued by their brief's author; who, what and under which policy never change;
-- the draft version only moves forward to a draft that exists; the final text and approval
-- time are the database's; approved and rejected runs are frozen.
create function runs_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'run % cannot be deleted', old.id using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'queued' or new.draft_version <> 0 or new.final_text is not null or new.approved_at is not null then
      raise exception 'a run starts queued, with no draft and no final text' using errcode = 'check_violation';
    end if;
    if new.author_id is distinct from (select author_id from briefs where id = new.brief_id) then
      raise exception 'a run is started for its brief''s author' using errcode = 'check_violation';
    end if;
    new.created_at := now();
    new.updated_at := now();
    return new;
  end if;
  if old.status in ('approved', 'rejected') then
    raise exception 'run % is % and cannot change', old.id, old.status using errcode = 'check_violation';
  end if;
  if (new.id, new.brief_id, new.author_id, new.author_team, new.distinct_reviewers, new.created_at)
     is distinct from (old.id, old.brief_id, old.author_id, old.author_team, old.distinct_reviewers, old.created_at)
     or (old.policy_version is not null and new.policy_version is distinct from old.policy_version) then
    raise exception 'run %: its author, brief and policy are fixed', old.id using errcode = 'insufficient_privilege';
  end if;
  if new.draft_version is distinct from old.draft_version then
    if new.draft_version < old.draft_version
       or not exists (select 1 from drafts where run_id = new.id and version = new.draft_version) then
      raise exception 'run %: draft version % does not follow %', old.id, new.draft_version, old.draft_version using errcode = 'check_violation';
    end if;
  end if;
  if new.status = 'approved' then
    new.approved_at := now();
    new.final_text := (select text from drafts where run_id = new.id and version = new.draft_version);
  elsif new.final_text is not null or new.approved_at is not null then
    raise exception 'run %: a final text exists only for an approved run', old.id using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger runs_guard before insert or update or delete on runs
  for each row execute function runs_guard();

-- Drafts: never deleted; under review (any gate of the version past pending) or under a finished
-- run, their words are what the reviewers judged, so they are frozen. Before review a re-run of
-- the drafting step after a crash may still rewrite the version it made.
create function drafts_guard() returns trigger language plpgsql as $$
declare
  run_status text;
  r uuid := coalesce(new.run_id, old.run_id);
  v int := coalesce(new.version, old.version);
begin
  if tg_op = 'DELETE' then
    raise exception 'draft % of run % cannot be deleted', old.version, old.run_id using errcode = 'insufficient_privilege';
  end if;
  select status into run_status from runs where id = r;
  if run_status in ('approved', 'rejected') then
    raise exception 'run % is %: its drafts are frozen', r, run_status using errcode = 'check_violation';
  end if;
  if tg_op = 'UPDATE' then
    if (new.run_id, new.version, new.created_at, new.edited_from, new.ai_version, new.edited_by)
       is distinct from (old.run_id, old.version, old.created_at, old.edited_from, old.ai_version, old.edited_by) then
      raise exception 'draft % of run %: its identity and lineage are fixed', old.version, old.run_id using errcode = 'insufficient_privilege';
    end if;
    if exists (select 1 from gates where run_id = r and draft_version = v and status <> 'pending') then
      raise exception 'draft % of run % is under review: its text is frozen (edit it as a new version)', v, r using errcode = 'check_violation';
    end if;
  else
    new.created_at := now();
  end if;
  return new;
end $$;
create trigger drafts_guard before insert or update or delete on drafts
  for each row execute function drafts_guard();

-- Claims: the text and where it stands are fixed; a check is recorded while the draft's
-- fact_check gate is open; nothing changes once that gate is decided or the run is finished.
create function claims_guard() returns trigger language plpgsql as $$
declare
  run_status text;
begin
  if tg_op = 'DELETE' then
    raise exception 'claim % cannot be deleted', old.id using errcode = 'insufficient_privilege';
  end if;
  select status into run_status from runs where id = new.run_id;
  if run_status in ('approved', 'rejected') then
    raise exception 'run % is %: its claims are frozen', new.run_id, run_status using errcode = 'check_violation';
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'pending' or new.checked_by is not null or new.checked_at is not null then
      raise exception 'a claim is created pending' using errcode = 'check_violation';
    end if;
    return new;
  end if;
  if (new.id, new.run_id, new.draft_version, new.position, new.text, new.kind, new.start_offset, new.end_offset)
     is distinct from (old.id, old.run_id, old.draft_version, old.position, old.text, old.kind, old.start_offset, old.end_offset) then
    raise exception 'claim %: its text is fixed', old.id using errcode = 'insufficient_privilege';
  end if;
  if not exists (select 1 from gates where run_id = new.run_id and draft_version = new.draft_version
                 and gate = 'fact_check' and status = 'open') then
    raise exception 'claim %: claims are checked while their fact_check gate is open', old.id using errcode = 'check_violation';
  end if;
  if new.checked_by is null then
    raise exception 'claim %: a check names who made it', old.id using errcode = 'check_violation';
  end if;
  new.checked_at := now();
  return new;
end $$;
create trigger claims_guard before insert or update or delete on claims
  for each row execute function claims_guard();

-- The audit log: `at` is the database's clock, never the app's. (The owner, who could switch
-- every trigger off anyway, may load dated history: an import, the scale bench.)
create or replace function audit_log_chain() returns trigger language plpgsql as $$
declare
  last_seq bigint;
  last_hash text;
begin
  perform pg_advisory_xact_lock(72010002);
  select seq, hash into last_seq, last_hash from audit_log order by seq desc limit 1;
  new.seq := coalesce(last_seq, 0) + 1;
  new.prev_hash := coalesce(last_hash, repeat('0', 64));
  if new.at is null or current_user = 'copydesk_app' then
    new.at := now();
  end if;
  new.hash := encode(sha256(convert_to(
    new.prev_hash || '|' || new.seq || '|' || (extract(epoch from new.at) * 1000000)::bigint || '|' ||
    coalesce(new.actor_id::text, '') || '|' || new.action || '|' || coalesce(new.run_id::text, '') || '|' ||
    new.data::text, 'UTF8')), 'hex');
  return new;
end $$;

-- Replica mode (session_replication_role) skips ordinary triggers; these fire always.
alter table gates enable always trigger gates_check_decider;
alter table gates enable always trigger gates_guard;
alter table gates enable always trigger gates_need_decision;
alter table gates enable always trigger gates_count_stats;
alter table gate_decisions enable always trigger gate_decisions_guard;
alter table gate_decisions enable always trigger gate_decisions_no_truncate;
alter table gate_decisions enable always trigger gate_decisions_need_gate;
alter table gate_decisions enable always trigger gate_decisions_count;
alter table runs enable always trigger runs_check_approval;
alter table runs enable always trigger runs_guard;
alter table runs enable always trigger runs_set_team;
alter table runs enable always trigger runs_count_stats;
alter table runs enable always trigger runs_kb_search;
alter table drafts enable always trigger drafts_guard;
alter table drafts enable always trigger drafts_count_categories;
alter table drafts enable always trigger drafts_kb_search;
alter table claims enable always trigger claims_guard;
alter table audit_log enable always trigger audit_log_chain;
alter table audit_log enable always trigger audit_log_no_update;
alter table audit_log enable always trigger audit_log_no_truncate;
alter table audit_log enable always trigger audit_log_count_usage;
alter table audit_log enable always trigger audit_log_count_events;
