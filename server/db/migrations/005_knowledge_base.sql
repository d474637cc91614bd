-- 005: the knowledge base. Full-text search over the drafts, writers' and reviewers' ratings
-- and tags of results, and the indexes the archive's filters need. It does not depend on 004,
-- so a database that got 005 first takes 004 later without harm.

-- Each draft is searchable in its own language: the Russian configuration stems Cyrillic words
-- with the Russian Snowball stemmer and Latin ones with the English one, so mixed copy works.
-- Only the first 100,000 characters are indexed: a tsvector is capped at 1 MB, and an over-long
-- SEO plan must not make its draft impossible to store.
alter table drafts add column tsv tsvector generated always as (
  to_tsvector(case lang when 'ru' then 'russian'::regconfig else 'english'::regconfig end, left(text, 100000))
) stored;
create index drafts_tsv_idx on drafts using gin (tsv);

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

-- The archive lists newest first, alone or within an outcome or an author; briefs are filtered
-- by kind and channel, and approved results of one kind and channel are drafting examples.
create index runs_created_idx on runs (created_at desc);
create index runs_status_created_idx on runs (status, created_at desc);
create index runs_author_created_idx on runs (author_id, created_at desc);
create index briefs_kind_channel_idx on briefs (kind, channel);
