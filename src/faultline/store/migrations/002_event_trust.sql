-- Schema 2 (issue 11): what makes a counted event trustworthy, stored with each event.
-- counted    the coder's counting decision (not negated, not hypothetical, not one-sided)
-- one_sided  a source or target has no code where the CAMEO code needs one
-- background the sentence tells an earlier event as the story's past
-- trace      the lexicon row, argument strategies, modality/time cues and actor steps
-- Rows stored before this migration keep the counting rule they were coded under (negated or
-- hypothetical only); their one_sided, background and trace are unknown (NULL) until the
-- articles are coded again.

ALTER TABLE events ADD COLUMN counted BOOLEAN;
ALTER TABLE events ADD COLUMN one_sided BOOLEAN;
ALTER TABLE events ADD COLUMN background BOOLEAN;
ALTER TABLE events ADD COLUMN trace VARCHAR[];
UPDATE events SET counted = NOT negated AND modality <> 'hypothetical';

DROP VIEW counted_events;

-- The counting rule of event-schema.md: only counted events; one event per (story, source
-- code, target code, CAMEO code, date), the most confident as its representative, with how
-- many mentions, input documents and outlets carried it.
CREATE VIEW counted_events AS
WITH kept AS (
    SELECT
        e.*,
        md5(concat_ws('|', coalesce(e.story_id, e.article_id), coalesce(e.source_code, ''),
                      coalesce(e.target_code, ''), e.cameo, coalesce(CAST(e.date AS VARCHAR), '')))
            AS count_key
    FROM events e
    WHERE e.counted
),
reach AS (
    SELECT
        k.count_key,
        count(DISTINCT k.event_id)  AS n_mentions,
        count(DISTINCT src.doc_ref) AS n_articles,
        greatest(count(DISTINCT src.outlet), 1) AS n_outlets
    FROM kept k
    JOIN article_sources src ON src.article_id = k.article_id
    GROUP BY k.count_key
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY count_key ORDER BY confidence DESC, event_id) AS rank
    FROM kept
)
SELECT ranked.* EXCLUDE (rank), reach.n_mentions, reach.n_articles, reach.n_outlets
FROM ranked JOIN reach USING (count_key)
WHERE ranked.rank = 1;
