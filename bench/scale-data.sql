-- A year of a 50-person marketing team's work for the scale bench, set-based and seeded
-- (setseed), so every generation is the same. :runs and :total are substituted by
-- bench/scale-data.ts. Rows go in through the real triggers: the audit chain and the usage rollup.
select setseed(0.42);

-- 50 people in 5 teams: 35 writers, 5 fact-checkers, 4 legal, 4 editors, a CMO, an admin.
insert into users (email, name, password_hash, roles, team)
select format('user%s@bench.copydesk', n), format('Bench user %s', n), 'x',
  array[case when n <= 35 then 'writer' when n <= 40 then 'factcheck' when n <= 44 then 'legal'
             when n <= 48 then 'editor' when n = 49 then 'cmo' else 'admin' end],
  format('team-%s', 1 + n % 5)
from generate_series(1, 50) n;

create temp table bench_users as
select row_number() over (order by email) - 1 as i, id, roles[1] as role from users where email like '%@bench.copydesk';
create temp table bench_writers as select row_number() over (order by i) - 1 as i, id from bench_users where role = 'writer';
create temp table bench_reviewers as select role, array_agg(id order by i) as ids from bench_users where role in ('factcheck', 'legal', 'editor') group by role;

-- Working hours over the last 365 days, more on weekdays.
create temp table bench_runs as
select n,
  gen_random_uuid() as brief_id, gen_random_uuid() as run_id,
  (select id from bench_writers w where w.i = (n * 7919) % 35) as author,
  case when r1 < 0.40 then 'offer' when r1 < 0.75 then 'headlines' when r1 < 0.85 then 'interview_summary' else 'seo_clusters' end as kind,
  (array['landing', 'search_ad', 'social_ad', 'email', 'blog', 'social_post'])[1 + floor(r2 * 6)::int] as channel,
  case when r3 < 0.6 then 'ru' else 'en' end as lang,
  date_trunc('day', now()) - (floor(r4 * 365) || ' days')::interval + ((8 + floor(r5 * 10)) || ' hours')::interval + ((floor(r6 * 60)) || ' minutes')::interval as created_at,
  case when r7 < 0.62 then 'approved' when r7 < 0.70 then 'rejected' when r7 < 0.85 then 'awaiting_review'
       when r7 < 0.92 then 'changes_requested' else 'failed' end as status,
  case when r8 < 0.70 then 1 when r8 < 0.95 then 2 else 3 end as versions,
  r9 < 0.4 as fact_check, r9 < 0.2 as legal, r10 < 0.15 as edited, r10 < 0.15 as pii
from (select n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9, random() r10
      from generate_series(1, :runs) n) x;
update bench_runs set versions = 1 where status = 'failed';

insert into briefs (id, kind, title, audience, task, offer, format, channel, deadline, quality_criteria, success_metrics, lang, inputs, author_id, created_at)
select brief_id, kind,
  case when lang = 'ru' then (array['Запись на пробное занятие', 'Кредит для малого бизнеса', 'Пластиковые окна под ключ', 'Доставка цветов по Москве', 'Онлайн-курс английского', 'CRM для стоматологий'])[1 + n % 6] || ' #' || n
       else (array['Booking page for yoga studios', 'Small business loans', 'Running shoes for women', 'Project management for agencies', 'Meal kits for families', 'Dental CRM'])[1 + n % 6] || ' #' || n end,
  'audience', 'task', 'offer', 'format', channel, (created_at + interval '14 days')::date, 'criteria', 'metrics', lang, '{}', author, created_at
from bench_runs;

-- Runs start queued and end as they did once their drafts and gates exist (below), through
-- the same update the product makes, so the rollups count them the way they count real runs.
insert into runs (id, brief_id, author_id, status, draft_version, distinct_reviewers, created_at, updated_at)
select run_id, brief_id, author, 'queued', 0, true, created_at, created_at
from bench_runs;

-- Every version of every draft: words of the language's vocabulary (bench_words, the SEO
-- fixtures' words, filled by bench/scale-data.ts), frequent words far more often (a skewed
-- draw, as in real text); a writer's edit now and then.

insert into drafts (run_id, version, lang, content, text, engine, model, prompt_id, prompt_version, categories, created_at,
  edited_from, ai_version, edited_by, edit_distance, edit_ratio)
select r.run_id, v, r.lang, '{}'::jsonb,
  -- `+ 0 * k` keeps the aggregate in the subquery (an argument of only outer columns would lift it out)
  (select string_agg(w.words[1 + floor(power(random(), 3) * cardinality(w.words))::int + 0 * k], ' ') from generate_series(1, 40 + (r.n + v) % 40) k),
  case when r.edited and v = r.versions and v > 1 then 'human' when r.n % 10 = 0 then 'offline' else 'openai' end,
  case when r.edited and v = r.versions and v > 1 then 'writer' when r.n % 10 = 0 then 'copydesk-offline-1' else 'gpt-4o-mini' end,
  case r.kind when 'interview_summary' then 'interview-summary' when 'seo_clusters' then 'seo-clusters' else r.kind end,
  case when r.created_at < now() - interval '120 days' then '1.0.0' else '1.1.0' end,
  case when r.n % 9 = 0 then array['superlative'] when r.n % 13 = 0 then array['finance', 'legal_promise'] else '{}' end,
  r.created_at + ((v - 1) * 20 || ' hours')::interval,
  case when r.edited and v = r.versions and v > 1 then v - 1 end,
  case when r.edited and v = r.versions and v > 1 then v - 1 end,
  case when r.edited and v = r.versions and v > 1 then r.author end,
  case when r.edited and v = r.versions and v > 1 then 20 + r.n % 200 end,
  case when r.edited and v = r.versions and v > 1 then ((r.n % 50) / 100.0)::real end
from bench_runs r join bench_words w on w.lang = r.lang, generate_series(1, r.versions) v;

-- The gates of each run's current draft; decided ones by a reviewer of the role.
create temp table bench_gates as
select r.n, r.run_id, r.versions, r.status, r.created_at, g.gate, g.position, g.role,
  (select ids[1 + r.n % cardinality(ids)] from bench_reviewers br where br.role = g.role) as reviewer,
  r.created_at + ((r.versions - 1) * 20 + 1 || ' hours')::interval as opened_at,
  ((r.n * 7 + g.position * 11) % 96) as wait_hours
from bench_runs r
join lateral (values ('fact_check', 1, 'factcheck', r.fact_check), ('legal_review', 2, 'legal', r.legal), ('release', 3, 'editor', true)) g(gate, position, role, wanted)
  on g.wanted
where r.status <> 'failed';

insert into gates (run_id, draft_version, position, gate, role, status, sla_business_days, opened_at, due_at, decided_by, decided_at)
select run_id, versions, position, gate, role,
  case when status = 'approved' then 'passed'
       when status = 'rejected' then case when gate = 'release' then 'rejected' else 'passed' end
       when status = 'changes_requested' then case when gate = 'release' then 'changes_requested' else 'passed' end
       else case when gate = 'release' then 'open' else 'passed' end end,
  2, opened_at, opened_at + interval '2 days',
  case when status in ('approved', 'rejected', 'changes_requested') or gate <> 'release' then reviewer end,
  case when status in ('approved', 'rejected', 'changes_requested') or gate <> 'release' then opened_at + (wait_hours || ' hours')::interval end
from bench_gates;

update runs r set status = b.status, draft_version = b.versions, approved_at = case when b.status = 'approved' then b.created_at + ((1 + b.n % 72) || ' hours')::interval end,
  final_text = case when b.status = 'approved' then (select text from drafts d where d.run_id = b.run_id and d.version = b.versions) end
from bench_runs b where r.id = b.run_id;

insert into gate_decisions (gate_id, run_id, decided_by, decision, decided_at)
select g.id, g.run_id, g.decided_by,
  case g.status when 'passed' then 'pass' when 'rejected' then 'reject' else 'request_changes' end, g.decided_at
from gates g join bench_runs r on r.run_id = g.run_id where g.decided_at is not null;

-- The audit log, in time order, so row numbers follow the clock as they do in production.
create temp table bench_audit (at timestamptz, actor uuid, action text, run_id uuid, data jsonb);
insert into bench_audit select created_at, author, 'run.start', run_id, jsonb_build_object('kind', kind) from bench_runs;
insert into bench_audit select created_at + interval '1 second', author, 'pii.redacted', run_id,
  jsonb_build_object('draftVersion', 1, 'counts', jsonb_build_object('PERSON', 1 + n % 3, 'PHONE', n % 2))
from bench_runs where pii;
insert into bench_audit select created_at + interval '20 seconds', author, 'pii.blocked', run_id,
  jsonb_build_object('draftVersion', 1, 'counts', jsonb_build_object('PASSPORT_RU', 1))
from bench_runs where status = 'failed' and n % 4 = 0;
insert into bench_audit
select r.created_at + ((v - 1) * 20 || ' hours')::interval + (c || ' seconds')::interval, r.author, 'llm.call', r.run_id,
  jsonb_build_object('purpose', 'draft', 'kind', r.kind, 'draftVersion', v,
    'promptId', case r.kind when 'interview_summary' then 'interview-summary' when 'seo_clusters' then 'seo-clusters' else r.kind end,
    'promptVersion', case when r.created_at < now() - interval '120 days' then '1.0.0' else '1.1.0' end,
    'engine', case when r.n % 10 = 0 then 'offline' else 'openai' end,
    'model', case when r.n % 10 = 0 then 'copydesk-offline-1' when r.n % 7 = 0 then 'gpt-4.1-mini' else 'gpt-4o-mini' end,
    'tokensIn', case when r.n % 10 = 0 then 0 else 800 + (r.n * 13) % 2400 end,
    'tokensOut', case when r.n % 10 = 0 then 0 else 200 + (r.n * 7) % 900 end,
    'costUsd', case when r.n % 10 = 0 then 0 when r.n % 7 = 0 then ((800 + (r.n * 13) % 2400) * 0.4 + (200 + (r.n * 7) % 900) * 1.6) / 1e6
                    else ((800 + (r.n * 13) % 2400) * 0.15 + (200 + (r.n * 7) % 900) * 0.6) / 1e6 end,
    'latencyMs', 400 + r.n % 4000, 'attempts', 1,
    'outcome', case when r.status = 'failed' and v = 1 and c = 1 then 'server_error' else 'ok' end)
from bench_runs r, generate_series(1, r.versions) v, generate_series(1, case when r.kind = 'interview_summary' then 3 else 1 end) c;
insert into bench_audit select r.created_at + interval '1 day', r.author, 'llm.refused', r.run_id,
  jsonb_build_object('reason', 'budget', 'scope', 'user', 'kind', r.kind)
from bench_runs r where r.n % 211 = 0;
insert into bench_audit select opened_at, null, 'gate.opened', run_id, jsonb_build_object('gate', gate) from bench_gates;
insert into bench_audit select g.decided_at, g.decided_by, 'gate.decision', g.run_id, jsonb_build_object('gate', g.gate, 'decision', g.status)
from gates g join bench_runs r on r.run_id = g.run_id where g.decided_at is not null;
insert into bench_audit select created_at + ((versions - 1) * 20 || ' hours')::interval - interval '1 hour', author, 'draft.edited', run_id, jsonb_build_object('version', versions)
from bench_runs where edited and versions > 1;
insert into bench_audit select r.created_at + ((1 + r.n % 72) || ' hours')::interval, null, 'run.' || r.status, r.run_id, '{}'::jsonb
from bench_runs r where r.status in ('approved', 'rejected');
-- logins fill the log up to its size
insert into bench_audit
select date_trunc('day', now()) - (floor(random() * 365) || ' days')::interval + ((7 + floor(random() * 12)) || ' hours')::interval,
  (select id from bench_users u where u.i = n % 50), 'auth.login', null, '{}'::jsonb
from generate_series(1, greatest(0, :total - (select count(*) from bench_audit))) n;

insert into audit_log (at, actor_id, action, run_id, data) select at, actor, action, run_id, data from bench_audit order by at;
