-- A writer's edit of a draft is a new draft version (engine 'human') that the gates judge from
-- scratch. It records the version it edits, the AI draft it descends from, who edited it, and
-- the Levenshtein distance of its text from that AI draft (ratio: distance / longer length),
-- so the share of the final copy the AI wrote can be measured.
alter table drafts drop constraint drafts_engine_check;
alter table drafts add constraint drafts_engine_check check (engine in ('offline', 'openai', 'human'));
alter table drafts add column edited_from int;
alter table drafts add column ai_version int;
alter table drafts add column edited_by uuid references users (id);
alter table drafts add column edit_distance int check (edit_distance >= 0);
alter table drafts add column edit_ratio real check (edit_ratio between 0 and 1);
alter table drafts add constraint drafts_edit_complete check (
  (engine = 'human') = (edited_from is not null and ai_version is not null and edited_by is not null and edit_distance is not null and edit_ratio is not null));
