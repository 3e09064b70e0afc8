CREATE TABLE `search_docs` (
	`doc` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`record_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_record_id_unique` ON `search_docs` (`record_id`);--> statement-breakpoint
-- Written by hand (drizzle-kit has no virtual tables). The text is indexed normalized (NFKC,
-- lower case) by the app, so the trigram tokenizer compares it as is; contentless, since the
-- records themselves hold the text. The app fills the index when it opens a database whose
-- meta 'search_index_version' is not its own.
CREATE VIRTUAL TABLE `search_fts` USING fts5(`body`, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1');
--> statement-breakpoint
-- One- and two-character queries (汕头, 深圳, 合作) are shorter than a trigram: every indexed value
-- also lists its distinct one- and two-code-point pieces, each spelled in hex (so the ascii
-- tokenizer keeps it whole), in a contentless table that stores only which docs hold a piece.
CREATE VIRTUAL TABLE `search_grams` USING fts5(`grams`, content = '', contentless_delete = 1, detail = 'none', tokenize = 'ascii');
