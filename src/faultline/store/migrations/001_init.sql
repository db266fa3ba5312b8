-- Schema 1: articles, their sources, stories, events (schema v1, flattened), runs, errors.
-- Keys make every write idempotent: re-running or resuming an ingest never doubles a row.

CREATE TABLE runs (
    run_id            VARCHAR PRIMARY KEY,
    started           TIMESTAMP NOT NULL,
    finished          TIMESTAMP,
    inputs            JSON,
    coder             VARCHAR,
    status            VARCHAR NOT NULL,      -- running | finished | interrupted
    documents         BIGINT,
    articles_new      BIGINT,
    articles_skipped  BIGINT,
    events            BIGINT,
    errors            BIGINT
);

CREATE TABLE articles (
    article_id   VARCHAR PRIMARY KEY,
    doc_ref      VARCHAR NOT NULL,          -- the first input document that gave this text
    story_id     VARCHAR NOT NULL,
    url          VARCHAR,
    outlet       VARCHAR,
    title        VARCHAR,
    byline       VARCHAR,
    published    DATE,
    language     VARCHAR,
    text         VARCHAR NOT NULL,
    meta         JSON,
    ingested_at  TIMESTAMP NOT NULL,
    run_id       VARCHAR NOT NULL
);

-- Every input document, including exact copies of an article already stored: (doc_ref,
-- content_hash) is what a re-run checks before cleaning or parsing anything.
CREATE TABLE article_sources (
    doc_ref       VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    url           VARCHAR,
    outlet        VARCHAR,
    title         VARCHAR,
    published     DATE,
    run_id        VARCHAR NOT NULL,
    PRIMARY KEY (doc_ref, content_hash)
);

-- A story is named by its first article and never renamed (see faultline.dedup.stories).
CREATE TABLE stories (
    story_id          VARCHAR PRIMARY KEY,
    first_article_id  VARCHAR NOT NULL,
    created_at        TIMESTAMP NOT NULL,
    run_id            VARCHAR NOT NULL
);

-- Story membership with the MinHash signature, so the next run rebuilds the LSH index.
CREATE TABLE story_articles (
    article_id          VARCHAR PRIMARY KEY,
    story_id            VARCHAR NOT NULL,
    matched_article_id  VARCHAR,             -- the member it was found similar to; NULL: first
    similarity          DOUBLE,
    published           DATE,
    signature           BLOB NOT NULL
);

CREATE TABLE events (
    event_id             VARCHAR PRIMARY KEY,
    article_id           VARCHAR NOT NULL,
    doc_ref              VARCHAR NOT NULL,
    story_id             VARCHAR,
    date                 DATE,
    date_precision       VARCHAR,
    source_text          VARCHAR,
    source_code          VARCHAR,
    source_country       VARCHAR,
    source_role          VARCHAR,
    source_name          VARCHAR,
    source_entity        VARCHAR,
    target_text          VARCHAR,
    target_code          VARCHAR,
    target_country       VARCHAR,
    target_role          VARCHAR,
    target_name          VARCHAR,
    target_entity        VARCHAR,
    cameo                VARCHAR NOT NULL,
    cameo_root           VARCHAR NOT NULL,
    cameo_label          VARCHAR,
    plover               VARCHAR,
    plover_mode          VARCHAR,
    goldstein            DOUBLE,
    quad_class           INTEGER,
    negated              BOOLEAN NOT NULL,
    modality             VARCHAR NOT NULL,
    location_name        VARCHAR,
    location_country     VARCHAR,
    location_lat         DOUBLE,
    location_lon         DOUBLE,
    location_geonameid   BIGINT,
    location_precision   VARCHAR,
    evidence_sentence    VARCHAR NOT NULL,
    evidence_start       INTEGER NOT NULL,
    evidence_end         INTEGER NOT NULL,
    evidence_trigger     VARCHAR,
    evidence_quote       BOOLEAN,
    confidence           DOUBLE,
    coder                VARCHAR,
    run_id               VARCHAR NOT NULL
);

CREATE TABLE errors (
    run_id  VARCHAR NOT NULL,
    input   VARCHAR NOT NULL,                -- the file (or URL) that failed
    record  VARCHAR,                         -- the record inside it (path#N), when one
    code    VARCHAR NOT NULL,                -- short reason code: bad-json, encoding, empty ...
    reason  VARCHAR NOT NULL,
    noted_at TIMESTAMP NOT NULL
);

-- Per story: first publication date, input documents, distinct articles and outlets.
CREATE VIEW story_summary AS
SELECT
    s.story_id,
    s.first_article_id,
    min(coalesce(src.published, a.published)) AS first_seen,
    count(DISTINCT a.article_id)               AS n_texts,
    count(DISTINCT src.doc_ref)                AS n_articles,
    count(DISTINCT src.outlet)                 AS n_outlets
FROM stories s
JOIN articles a ON a.story_id = s.story_id
JOIN article_sources src ON src.article_id = a.article_id
GROUP BY s.story_id, s.first_article_id;

-- The counting rule of event-schema.md: no negated or hypothetical events; one event per
-- (story, source code, target code, CAMEO code, date), the most confident as its
-- representative, with how many mentions, input documents and outlets carried it.
CREATE VIEW counted_events AS
WITH kept AS (
    SELECT
        e.*,
        md5(concat_ws('|', coalesce(e.story_id, e.article_id), coalesce(e.source_code, ''),
                      coalesce(e.target_code, ''), e.cameo, coalesce(CAST(e.date AS VARCHAR), '')))
            AS count_key
    FROM events e
    WHERE NOT e.negated AND e.modality <> 'hypothetical'
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
