-- 005: the knowledge base. Full-text search over the results, writers' and reviewers' ratings
-- and tags of results, and the indexes the archive's filters need. It does not depend on 004,
-- so a database that got 005 first takes 004 later without harm.

-- The search index: one narrow row per result (a run and its current draft), kept by triggers
-- in the transaction that changes the run, so it is never stale. A search walks these rows
-- newest first or reads the GIN index; it never touches the wide drafts table, so a broad query
-- over 100,000 results reads a few hundred pages, not thousands. Each text is indexed in its own
-- language: the Russian configuration stems Cyrillic words with the Russian Snowball stemmer and
-- Latin ones with the English one, so mixed copy works. Only the first 100,000 characters: a
-- tsvector is capped at 1 MB, and an over-long SEO plan must not make its draft unstorable.
create table kb_search (
  run_id uuid primary key references runs (id),
  created_at timestamptz not null,
  status text not null,
  author_id uuid not null,
  kind text not null,
  channel text not null,
  lang text not null,
  tsv tsvector not null
);
create index kb_search_created_idx on kb_search (created_at desc, run_id);
create index kb_search_tsv_idx on kb_search using gin (tsv);

create function kb_search_refresh(run uuid) returns void language plpgsql as $$
begin
  insert into kb_search (run_id, created_at, status, author_id, kind, channel, lang, tsv)
  select r.id, r.created_at, r.status, r.author_id, b.kind, b.channel, d.lang,
    to_tsvector(case d.lang when 'ru' then 'russian'::regconfig else 'english'::regconfig end, left(d.text, 100000))
  from runs r join briefs b on b.id = r.brief_id join drafts d on d.run_id = r.id and d.version = r.draft_version
  where r.id = run
  on conflict (run_id) do update set status = excluded.status, lang = excluded.lang, tsv = excluded.tsv;
end $$;

-- A new current draft (a first draft, a redraft, a writer's edit) re-indexes the result; a new
-- status alone only updates the status (the text is not parsed again on every step of a run).
create function runs_kb_search() returns trigger language plpgsql as $$
begin
  if new.draft_version > 0 and new.draft_version is distinct from old.draft_version then
    perform kb_search_refresh(new.id);
  elsif new.status is distinct from old.status then
    update kb_search set status = new.status where run_id = new.id;
  end if;
  return null;
end $$;
create trigger runs_kb_search after update of status, draft_version on runs
  for each row execute function runs_kb_search();

-- A node re-run after a crash rewrites the current version's text in place: re-index it.
create function drafts_kb_search() returns trigger language plpgsql as $$
begin
  if new.text is distinct from old.text and exists (select 1 from runs where id = new.run_id and draft_version = new.version) then
    perform kb_search_refresh(new.run_id);
  end if;
  return null;
end $$;
create trigger drafts_kb_search after update of text on drafts
  for each row execute function drafts_kb_search();

-- One rating per person and result; rating again replaces it.
create table result_ratings (
  run_id uuid not null references runs (id),
  user_id uuid not null references users (id),
  rating smallint not null check (rating between 1 and 5),
  -- redacted by the personal-data guard before it is stored
  comment text check (char_length(comment) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (run_id, user_id)
);

-- Free tags, normalised (trimmed, lower case) so "Spring Sale" and "spring sale" are one tag.
create table result_tags (
  run_id uuid not null references runs (id),
  tag text not null check (char_length(tag) between 1 and 40 and tag = btrim(tag) and tag = lower(tag)),
  added_by uuid not null references users (id),
  added_at timestamptz not null default now(),
  primary key (run_id, tag)
);
-- the archive's tag filter goes from the tag to its results
create index result_tags_tag_idx on result_tags (tag, run_id);

-- Runs by date (the dashboard); approved results of one kind and channel are drafting examples.
create index runs_created_idx on runs (created_at desc);
create index runs_status_created_idx on runs (status, created_at desc);
create index runs_author_created_idx on runs (author_id, created_at desc);
create index briefs_kind_channel_idx on briefs (kind, channel);
