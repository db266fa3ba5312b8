-- Faultline store, schema version 1: articles, their sources, events (schema v1, flattened),
-- stories, runs and errors. Keys make every write idempotent.
CREATE TABLE articles (
    article_id  VARCHAR PRIMARY KEY,
    doc_ref     VARCHAR NOT NULL,      -- the first input that carried this text
    url         VARCHAR,
    outlet      VARCHAR,
    title       VARCHAR,
    byline      VARCHAR,
    published   DATE,
    language    VARCHAR,
    text        VARCHAR NOT NULL,
    meta        JSON,
    ingested_at TIMESTAMP NOT NULL,
    run_id      VARCHAR NOT NULL
);

-- Every input document, also the exact copies of an article already stored.
CREATE TABLE article_sources (
    doc_ref    VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    url        VARCHAR,
    outlet     VARCHAR,
    title      VARCHAR,
    published  DATE,
    run_id     VARCHAR NOT NULL
);

CREATE TABLE events (
    event_id         VARCHAR PRIMARY KEY,
    article_id       VARCHAR NOT NULL,
    doc_ref          VARCHAR NOT NULL,
    date             DATE,
    date_precision   VARCHAR,
    source_text      VARCHAR, source_code VARCHAR, source_country VARCHAR,
    source_role      VARCHAR, source_name VARCHAR, source_entity VARCHAR,
    target_text      VARCHAR, target_code VARCHAR, target_country VARCHAR,
    target_role      VARCHAR, target_name VARCHAR, target_entity VARCHAR,
    cameo            VARCHAR NOT NULL,
    cameo_root       VARCHAR NOT NULL,
    cameo_label      VARCHAR NOT NULL,
    plover           VARCHAR,
    plover_mode      VARCHAR,
    goldstein        DOUBLE NOT NULL,
    quad_class       INTEGER NOT NULL,
    negated          BOOLEAN NOT NULL,
    modality         VARCHAR NOT NULL,
    location_name    VARCHAR, location_country VARCHAR, location_lat DOUBLE,
    location_lon     DOUBLE, location_geonameid BIGINT, location_precision VARCHAR,
    evidence_sentence VARCHAR NOT NULL,
    evidence_start   INTEGER NOT NULL,
    evidence_end     INTEGER NOT NULL,
    evidence_trigger VARCHAR NOT NULL,
    evidence_quote   BOOLEAN NOT NULL,
    confidence       DOUBLE NOT NULL,
    coder            VARCHAR NOT NULL
);

CREATE TABLE stories (
    story_id   VARCHAR PRIMARY KEY,
    first_seen DATE
);

CREATE TABLE story_articles (
    article_id VARCHAR PRIMARY KEY,
    story_id   VARCHAR NOT NULL
);

-- MinHash signatures, so later runs join new articles to existing stories.
CREATE TABLE signatures (
    article_id VARCHAR PRIMARY KEY,
    published  DATE,
    hashvalues UBIGINT[] NOT NULL
);

CREATE TABLE runs (
    run_id   VARCHAR PRIMARY KEY,
    started  TIMESTAMP NOT NULL,
    finished TIMESTAMP,
    inputs   VARCHAR[],
    counts   JSON,
    coder    VARCHAR NOT NULL
);

CREATE TABLE errors (
    run_id VARCHAR NOT NULL,
    input  VARCHAR NOT NULL,
    code   VARCHAR NOT NULL,
    reason VARCHAR NOT NULL
);

-- The counting rule of the event schema: no negated or hypothetical events, one event per
-- story, source, target, code and date, with how many articles and outlets carried it.
CREATE VIEW counted_events AS
SELECT
    coalesce(sa.story_id, e.article_id) AS story_id,
    e.source_code, e.target_code, e.cameo, e.date,
    any_value(e.event_id ORDER BY e.event_id) AS event_id,
    count(DISTINCT a.doc_ref) AS n_articles,
    count(DISTINCT a.outlet) AS n_outlets
FROM events e
LEFT JOIN story_articles sa USING (article_id)
LEFT JOIN article_sources a ON a.article_id = e.article_id
WHERE NOT e.negated AND e.modality <> 'hypothetical'
GROUP BY ALL;
