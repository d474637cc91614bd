-- 017: long work says how far it is (issue 18, item 6): the worker holding a run's job writes the
-- stage and the share done (an SEO plan's keywords clustered, a batch's transcripts summarised),
-- at most twice a second; the run page reads it while the run drafts.
alter table jobs add column progress jsonb;
