-- Written by hand (drizzle-kit has no virtual tables). The meeting log's and the task list's search boxes find
-- what `LIKE '%word%'` finds (ASCII letters folded, nothing else): these index the searched columns in that very
-- form (meeting titles; task titles and details, with a marker line on open tasks), filled by the app like
-- search_fts and search_grams (rowid = the record's doc in search_docs), so a list's matches are read from an index.
CREATE VIRTUAL TABLE `search_fts_meeting_titles` USING fts5(`body`, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_grams_meeting_titles` USING fts5(`grams`, content = '', contentless_delete = 1, detail = 'none', tokenize = 'ascii');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts_task_texts` USING fts5(`body`, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_grams_task_texts` USING fts5(`grams`, content = '', contentless_delete = 1, detail = 'none', tokenize = 'ascii');
