-- 004: the CMO's view of AI usage, and monthly budgets.
-- Daily rollups kept by triggers in the same transaction as the rows they count, so they can
-- never drift from them: model calls (from the audit log), run outcomes (from runs), time in
-- gates (from gates), and what the policy stopped (audit log, gate decisions, drafts' risk
-- categories). Dashboards and budget checks read these few rows per user and day, never a scan
-- of the log or of every run. A run's team is its author's team when the run started.
create table ai_usage_daily (
  day date not null,
  user_id uuid not null,
  team text not null default '',
  kind text not null default '',
  engine text not null,
  model text not null,
  prompt_id text not null default '',
  prompt_version text not null default '',
  calls int not null default 0,
  failed int not null default 0,
  tokens_in bigint not null default 0,
  tokens_out bigint not null default 0,
  cost_usd numeric(18, 8) not null default 0,
  -- calls of a model without a known price: their cost is not in cost_usd
  unknown_cost int not null default 0,
  primary key (day, user_id, team, kind, engine, model, prompt_id, prompt_version)
);
create index ai_usage_daily_user_idx on ai_usage_daily (user_id, day);
create index ai_usage_daily_team_idx on ai_usage_daily (team, day);

create function audit_log_count_usage() returns trigger language plpgsql as $$
declare
  cost numeric;
begin
  if new.action <> 'llm.call' or new.actor_id is null then
    return null;
  end if;
  cost := nullif(new.data ->> 'costUsd', '')::numeric;
  insert into ai_usage_daily as u (day, user_id, team, kind, engine, model, prompt_id, prompt_version,
      calls, failed, tokens_in, tokens_out, cost_usd, unknown_cost)
    values ((new.at at time zone 'UTC')::date, new.actor_id,
      coalesce((select team from users where id = new.actor_id), ''),
      coalesce(new.data ->> 'kind', ''), coalesce(new.data ->> 'engine', ''), coalesce(new.data ->> 'model', ''),
      coalesce(new.data ->> 'promptId', ''), coalesce(new.data ->> 'promptVersion', ''),
      1, case when new.data ->> 'outcome' = 'ok' then 0 else 1 end,
      coalesce((new.data ->> 'tokensIn')::bigint, 0), coalesce((new.data ->> 'tokensOut')::bigint, 0),
      coalesce(cost, 0), case when cost is null then 1 else 0 end)
  on conflict (day, user_id, team, kind, engine, model, prompt_id, prompt_version) do update set
    calls = u.calls + 1, failed = u.failed + excluded.failed,
    tokens_in = u.tokens_in + excluded.tokens_in, tokens_out = u.tokens_out + excluded.tokens_out,
    cost_usd = u.cost_usd + excluded.cost_usd, unknown_cost = u.unknown_cost + excluded.unknown_cost;
  return null;
end $$;
create trigger audit_log_count_usage after insert on audit_log
  for each row execute function audit_log_count_usage();

-- The overdue list: open gates by due date, most overdue first, without sorting them all.
create index gates_open_due_idx on gates (due_at) where status = 'open';

-- A draft made by the offline engine because the model was not allowed (a spent budget) says so.
alter table drafts add column engine_note text;

-- The team a run counts for, fixed when it starts (people change teams; history does not).
alter table runs add column author_team text;
create function runs_set_team() returns trigger language plpgsql as $$
begin
  new.author_team := coalesce(new.author_team, (select team from users where id = new.author_id), '');
  return new;
end $$;
create trigger runs_set_team before insert on runs for each row execute function runs_set_team();

-- Runs by the day they started: how many, and how they ended. "Without rework": approved with
-- draft version 1. The AI's share of an approved text: 1 - its edit ratio (1 for an AI draft).
create table run_stats_daily (
  day date not null,
  user_id uuid not null,
  team text not null,
  kind text not null,
  runs int not null default 0,
  approved int not null default 0,
  rejected int not null default 0,
  failed int not null default 0,
  without_rework int not null default 0,
  edited_finals int not null default 0,
  ai_share_sum float8 not null default 0,
  primary key (day, user_id, team, kind)
);

-- Adds (sign 1) or takes back (sign -1) what a run in `status` counts for.
create function run_stats_add(r runs, sign int) returns void language plpgsql as $$
declare
  k text;
  final_engine text;
  ratio float8;
begin
  select kind into k from briefs where id = r.brief_id;
  if r.status = 'approved' then
    select engine, edit_ratio into final_engine, ratio from drafts where run_id = r.id and version = r.draft_version;
  end if;
  insert into run_stats_daily as s (day, user_id, team, kind, approved, rejected, failed, without_rework, edited_finals, ai_share_sum)
  values ((r.created_at at time zone 'UTC')::date, r.author_id, coalesce(r.author_team, ''), k,
    case when r.status = 'approved' then sign else 0 end,
    case when r.status = 'rejected' then sign else 0 end,
    case when r.status = 'failed' then sign else 0 end,
    case when r.status = 'approved' and r.draft_version = 1 then sign else 0 end,
    case when r.status = 'approved' and final_engine = 'human' then sign else 0 end,
    case when r.status = 'approved' then sign * (1 - coalesce(ratio, 0)) else 0 end)
  on conflict (day, user_id, team, kind) do update set
    approved = s.approved + excluded.approved, rejected = s.rejected + excluded.rejected, failed = s.failed + excluded.failed,
    without_rework = s.without_rework + excluded.without_rework, edited_finals = s.edited_finals + excluded.edited_finals,
    ai_share_sum = s.ai_share_sum + excluded.ai_share_sum;
end $$;

create function runs_count_stats() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into run_stats_daily as s (day, user_id, team, kind, runs)
      values ((new.created_at at time zone 'UTC')::date, new.author_id, coalesce(new.author_team, ''),
        (select kind from briefs where id = new.brief_id), 1)
      on conflict (day, user_id, team, kind) do update set runs = s.runs + 1;
    perform run_stats_add(new, 1);
  elsif new.status is distinct from old.status or new.draft_version is distinct from old.draft_version then
    perform run_stats_add(old, -1);
    perform run_stats_add(new, 1);
  end if;
  return null;
end $$;
create trigger runs_count_stats after insert or update of status, draft_version on runs
  for each row execute function runs_count_stats();

-- Time from a gate opening to its decision, by the day it was decided: a count, a sum, and a
-- histogram over 22 buckets whose upper edges (hours) are GATE_HOUR_EDGES in
-- server/usage/gates-view.ts, from which p50/p90 are interpolated. Per team and kind, not per
-- author: one author's gates are few enough to read directly.
create table gate_stats_daily (
  day date not null,
  gate text not null,
  team text not null,
  kind text not null,
  decided int not null default 0,
  hours_sum float8 not null default 0,
  hist int[] not null,
  primary key (day, gate, team, kind)
);

create function gate_hours_bucket(hours float8) returns int language sql immutable as $$
  select 1 + count(*)::int from unnest(array[0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 72, 96, 120, 168, 240, 336, 480, 720]::float8[]) e
  where hours >= e
$$;

create function gates_count_stats() returns trigger language plpgsql as $$
declare
  r runs;
  k text;
  hours float8;
  b int;
begin
  if new.decided_at is null or new.opened_at is null or (tg_op = 'UPDATE' and old.decided_at is not null) then
    return null;
  end if;
  select * into r from runs where id = new.run_id;
  select kind into k from briefs where id = r.brief_id;
  hours := greatest(0, extract(epoch from new.decided_at - new.opened_at) / 3600);
  b := gate_hours_bucket(hours);
  insert into gate_stats_daily as s (day, gate, team, kind, decided, hours_sum, hist)
    values ((new.decided_at at time zone 'UTC')::date, new.gate, coalesce(r.author_team, ''), k, 1, hours,
      (select array_agg(case when i = b then 1 else 0 end order by i) from generate_series(1, 22) i))
  on conflict (day, gate, team, kind) do update set
    decided = s.decided + 1, hours_sum = s.hours_sum + excluded.hours_sum, hist[b] = s.hist[b] + 1;
  return null;
end $$;
create trigger gates_count_stats after insert or update of decided_at on gates
  for each row execute function gates_count_stats();

-- What the policy stopped, by day: personal data blocked or redacted (by type, never values),
-- model calls refused by a budget, gate decisions that stopped or sent back a draft, and the
-- risk categories drafts were flagged with.
create table policy_events_daily (
  day date not null,
  user_id uuid not null,
  team text not null,
  kind text not null,
  event text not null,
  detail text not null default '',
  n bigint not null default 0,
  primary key (day, user_id, team, kind, event, detail)
);

create function policy_event(p_at timestamptz, p_run uuid, p_actor uuid, p_event text, p_detail text, p_n bigint) returns void language plpgsql as $$
declare
  r runs;
  k text;
begin
  select * into r from runs where id = p_run;
  select kind into k from briefs where id = r.brief_id;
  if coalesce(r.author_id, p_actor) is null then
    return;
  end if;
  insert into policy_events_daily as s (day, user_id, team, kind, event, detail, n)
    values ((p_at at time zone 'UTC')::date, coalesce(r.author_id, p_actor),
      coalesce(r.author_team, (select team from users where id = p_actor), ''), coalesce(k, ''), p_event, p_detail, p_n)
  on conflict (day, user_id, team, kind, event, detail) do update set n = s.n + excluded.n;
end $$;

create function audit_log_count_events() returns trigger language plpgsql as $$
declare
  t record;
begin
  if new.action in ('pii.blocked', 'pii.redacted') then
    if new.action = 'pii.blocked' then
      perform policy_event(new.at, new.run_id, new.actor_id, 'pii_blocked', '', 1);
    end if;
    for t in select key, value from jsonb_each_text(coalesce(new.data -> 'counts', '{}'::jsonb)) loop
      perform policy_event(new.at, new.run_id, new.actor_id, replace(new.action, '.', '_') || '_type', t.key, t.value::bigint);
    end loop;
  elsif new.action = 'llm.refused' then
    perform policy_event(new.at, new.run_id, new.actor_id, 'budget_refused', '', 1);
  end if;
  return null;
end $$;
create trigger audit_log_count_events after insert on audit_log
  for each row execute function audit_log_count_events();

create function gate_decisions_count() returns trigger language plpgsql as $$
begin
  if new.decision in ('reject', 'request_changes', 'waive') then
    perform policy_event(new.decided_at, new.run_id, null, 'decision_' || new.decision, (select gate from gates where id = new.gate_id), 1);
  end if;
  return null;
end $$;
create trigger gate_decisions_count after insert on gate_decisions
  for each row execute function gate_decisions_count();

create function drafts_count_categories() returns trigger language plpgsql as $$
declare
  c text;
begin
  foreach c in array new.categories loop
    perform policy_event(new.created_at, new.run_id, null, 'risk_category', c, 1);
  end loop;
  return null;
end $$;
create trigger drafts_count_categories after insert on drafts
  for each row execute function drafts_count_categories();
